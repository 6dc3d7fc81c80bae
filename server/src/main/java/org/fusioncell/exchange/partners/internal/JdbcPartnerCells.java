package org.fusioncell.exchange.partners.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.exchange.partners.PartnerDraft;
import org.fusioncell.identity.Organisations;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner cells in {@code exchange_partner_cell}; every change audited as administration. */
@Service
class JdbcPartnerCells implements PartnerCells {

    static final String OBJECT_TYPE = "partner-cell";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final Pattern API_ROOT = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog audit;
    private final PartnerSettings settings;
    private final Clock clock;

    JdbcPartnerCells(JdbcClient jdbc, Organisations organisations, AuditLog audit, PartnerSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PartnerCell> list(Reader reader) {
        return jdbc.sql("SELECT * FROM exchange_partner_cell WHERE owner_organisation_id = :o ORDER BY name, id")
                .param("o", reader.organisationId()).query(JdbcPartnerCells::partner).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerCell> find(Reader reader, String id) {
        return forProcessing(id).filter(p -> p.ownerOrganisationId().equals(reader.organisationId()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerCell> forProcessing(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM exchange_partner_cell WHERE id = :id").param("id", id)
                .query(JdbcPartnerCells::partner).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerCell> forOrganisation(String ownerOrganisationId, String partnerOrganisationId) {
        return jdbc.sql("SELECT * FROM exchange_partner_cell WHERE owner_organisation_id = :o AND organisation_id = :p")
                .param("o", ownerOrganisationId).param("p", partnerOrganisationId).query(JdbcPartnerCells::partner)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<PartnerCell> standingFor(String partnerOrganisationId) {
        return jdbc.sql("SELECT * FROM exchange_partner_cell WHERE organisation_id = :p ORDER BY name, id")
                .param("p", partnerOrganisationId).query(JdbcPartnerCells::partner).list();
    }

    @Override
    @Transactional
    public PartnerCell create(Reader admin, PartnerDraft d) {
        Checked c = check(admin, d);
        if (forOrganisation(admin.organisationId(), c.organisationId).isPresent()) {
            throw new InvalidInputException("organisationId", "a partner cell already stands for this organisation");
        }
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                INSERT INTO exchange_partner_cell (id, owner_organisation_id, name, organisation_id, agreement_id, base_url,
                    api_root, contact, public_key, token, created_by, created_at, updated_at)
                VALUES (:id, :owner, :name, :org, :agreement, :base, :root, :contact, :key, :token, :by, :now, :now)""")
                .param("id", id).param("owner", admin.organisationId()).param("name", c.name).param("org", c.organisationId)
                .param("agreement", c.agreementId).param("base", c.baseUrl).param("root", c.apiRoot)
                .param("contact", c.contact).param("key", c.publicKey)
                .param("token", d.token() == null || d.token().isBlank() ? null : d.token().strip())
                .param("by", admin.userId()).param("now", now).update();
        audited(admin, id, "CREATED");
        return forProcessing(id).orElseThrow();
    }

    @Override
    @Transactional
    public PartnerCell update(Reader admin, String id, PartnerDraft d) {
        PartnerCell existing = find(admin, id).orElseThrow(() -> new NotFoundException("partner cell"));
        Checked c = check(admin, d);
        Optional<PartnerCell> other = forOrganisation(admin.organisationId(), c.organisationId);
        if (other.isPresent() && !other.get().id().equals(existing.id())) {
            throw new InvalidInputException("organisationId", "a partner cell already stands for this organisation");
        }
        jdbc.sql("""
                UPDATE exchange_partner_cell SET name = :name, organisation_id = :org, agreement_id = :agreement,
                    base_url = :base, api_root = :root, contact = :contact, public_key = :key, updated_at = :now"""
                        + (d.token() == null ? "" : ", token = :token") + " WHERE id = :id")
                .params(Map.of("name", c.name, "org", c.organisationId, "agreement", c.agreementId, "root", c.apiRoot,
                        "now", Timestamp.from(Instant.now(clock)), "id", id))
                .param("base", c.baseUrl).param("contact", c.contact).param("key", c.publicKey)
                .params(d.token() == null ? Map.of() : java.util.Collections.singletonMap("token",
                        d.token().isBlank() ? null : d.token().strip()))
                .update();
        audited(admin, id, "UPDATED");
        return forProcessing(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Connection> connection(String partnerId) {
        return forProcessing(partnerId).filter(p -> p.baseUrl() != null).flatMap(p -> jdbc.sql(
                        "SELECT token FROM exchange_partner_cell WHERE id = :id").param("id", partnerId)
                .query(String.class).optional().map(token -> new Connection(p, checkedUrl("baseUrl", p.baseUrl()), token)));
    }

    private record Checked(String name, String organisationId, String agreementId, String baseUrl, String apiRoot,
                           String contact, String publicKey) {
    }

    private Checked check(Reader admin, PartnerDraft d) {
        String name = required("name", d.name(), 200);
        String org = required("organisationId", d.organisationId(), 36);
        if (organisations.find(org).isEmpty()) {
            throw new InvalidInputException("organisationId", "no organisation has this id");
        }
        if (org.equals(admin.organisationId())) {
            throw new InvalidInputException("organisationId", "must be another organisation than your own");
        }
        String agreement = required("agreementId", d.agreementId(), 36);
        // the agreement must be in force for the administrator's organisation and name the partner as a party
        AgreementGrant grant = admin.agreements().stream().filter(a -> a.agreementId().equals(agreement)).findFirst()
                .orElseThrow(() -> new InvalidInputException("agreementId",
                        "no agreement in force for your organisation has this id"));
        if (!grant.parties().contains(org)) {
            throw new InvalidInputException("agreementId", "the partner's organisation is not a party to this agreement");
        }
        String base = d.baseUrl() == null || d.baseUrl().isBlank() ? null : checkedUrl("baseUrl", d.baseUrl()).toString();
        String root = d.apiRoot() == null || d.apiRoot().isBlank() ? "fusioncell" : d.apiRoot().strip();
        if (!API_ROOT.matcher(root).matches()) {
            throw new InvalidInputException("apiRoot", "letters, digits, '.', '_', '~' or '-', at most 64");
        }
        String contact = d.contact() == null || d.contact().isBlank() ? null : d.contact().strip();
        if (contact != null && contact.length() > 500) {
            throw new InvalidInputException("contact", "at most 500 characters");
        }
        String key = d.publicKey() == null || d.publicKey().isBlank() ? null : d.publicKey().strip();
        if (key != null) {
            checkPublicKey(key);
        }
        if (d.token() != null && d.token().length() > 500) {
            throw new InvalidInputException("token", "at most 500 characters");
        }
        return new Checked(name, org, agreement, base, root, contact, key);
    }

    /** An Ed25519 public key, base64 of its X.509 SubjectPublicKeyInfo encoding. */
    static void checkPublicKey(String key) {
        try {
            org.fusioncell.shared.Ed25519Keys.publicKey(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("publicKey", "not an Ed25519 public key (base64 of its X.509 encoding)");
        }
    }

    private URI checkedUrl(String field, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(field, "must be an absolute https URL with a host and no query");
        }
        if (url.length() > 500) {
            throw new InvalidInputException(field, "at most 500 characters");
        }
        if (scheme.equals("http") && !(LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)) && settings.allowHttpLoopback())) {
            throw new InvalidInputException(field, "must use https (plain http only to a loopback host when"
                    + " fusioncell.exchange.partners.allow-http-loopback is on)");
        }
        return uri;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    private void audited(Reader admin, String id, String outcome) {
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, admin.userId(), admin.organisationId(), OBJECT_TYPE,
                List.of(id)).withPurpose(admin.purpose()).withOutcome(outcome));
    }

    private static PartnerCell partner(ResultSet rs, int n) throws SQLException {
        return new PartnerCell(rs.getString("id"), rs.getString("owner_organisation_id"), rs.getString("name"),
                rs.getString("organisation_id"), rs.getString("agreement_id"), rs.getString("base_url"),
                rs.getString("api_root"), rs.getString("contact"), rs.getString("public_key"),
                rs.getString("token") != null, rs.getTimestamp("created_at").toInstant());
    }
}
