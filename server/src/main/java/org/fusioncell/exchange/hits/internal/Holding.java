package org.fusioncell.exchange.hits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.HeldIdentifiers;
import org.fusioncell.entities.PersonParticulars;
import org.fusioncell.entities.Persons;
import org.fusioncell.exchange.hits.HitOutcome;
import org.fusioncell.exchange.hits.HitRule;
import org.fusioncell.exchange.hits.HolderReply;
import org.fusioncell.exchange.hits.IncomingRequest;
import org.fusioncell.exchange.hits.MinimisedQuery;
import org.fusioncell.exchange.hits.ReleaseState;
import org.fusioncell.exchange.partners.ExchangeLog;
import org.fusioncell.exchange.partners.PartnerCell;
import org.fusioncell.exchange.partners.PartnerCells;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.Notices;
import org.fusioncell.monitoring.Severity;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The holding side of hit/no-hit. The caller is a user of the local organisation that stands for a partner
 * cell; the holder is the owner organisation of that partner entry, under an agreement in force between the
 * two. Matching runs over what the holder owns whatever the caller's clearance (the answer reveals existence
 * only, which is the point) and the caller learns hit or no hit, the point of contact and a reference.
 */
@Component
class Holding {

    static final String OBJECT = "hit-query-incoming";
    static final int MAX_TEXT = 2000;
    private static final int MAX_MATCHED = 20;
    private static final int PAGE = 500;
    private static final Pattern NAME_KEY = Pattern.compile("[st]:[\\p{L}\\p{N}]{1,60}");
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern YEAR_OR_DAY = Pattern.compile("\\d{4}(-\\d{2}-\\d{2})?");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PartnerCells partners;
    private final JdbcHitRules rules;
    private final Persons persons;
    private final HeldIdentifiers identifiers;
    private final Organisations organisations;
    private final Colleagues colleagues;
    private final Notices notices;
    private final ExchangeLog exchangeLog;
    private final AuditLog audit;
    private final Clock clock;

    Holding(JdbcClient jdbc, JsonMapper json, PartnerCells partners, JdbcHitRules rules, Persons persons,
            HeldIdentifiers identifiers, Organisations organisations, Colleagues colleagues, Notices notices,
            ExchangeLog exchangeLog, AuditLog audit, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${fusioncell.exchange.hits.max-per-minute:60}")
            int maxPerMinute) {
        this.maxPerMinute = maxPerMinute;
        this.jdbc = jdbc;
        this.json = json;
        this.partners = partners;
        this.rules = rules;
        this.persons = persons;
        this.identifiers = identifiers;
        this.organisations = organisations;
        this.colleagues = colleagues;
        this.notices = notices;
        this.exchangeLog = exchangeLog;
        this.audit = audit;
        this.clock = clock;
    }

    /** The partner entries the caller's organisation stands for whose agreement with the holder is in force. */
    private final int maxPerMinute;

    private List<PartnerCell> standing(Reader caller) {
        return partners.standingFor(caller.organisationId()).stream()
                .filter(p -> Asking.inForce(caller, p.agreementId(), p.ownerOrganisationId())).toList();
    }

    @Transactional
    public HolderReply answer(Reader caller, String requesterQueryId, MinimisedQuery query) {
        List<PartnerCell> standing = standing(caller);
        if (standing.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, caller.userId(), caller.organisationId(), OBJECT,
                    List.of()).withPurpose(caller.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("reason", "not a partner cell under an agreement in force")));
            return new HolderReply.Refused("not a partner cell under an agreement in force");
        }
        check(query, requesterQueryId);
        // a partner probing name keys against dates of birth meets a ceiling: at most so many queries a minute
        long lastMinute = jdbc.sql("SELECT COUNT(*) FROM exchange_hit_incoming WHERE caller_organisation_id = :o"
                        + " AND received_at > :since").param("o", caller.organisationId())
                .param("since", Timestamp.from(clock.instant().minusSeconds(60))).query(Long.class).single();
        if (lastMinute >= maxPerMinute) {
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, caller.userId(), caller.organisationId(), OBJECT,
                    List.of()).withPurpose(caller.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("reason", "more than " + maxPerMinute + " queries in a minute")));
            return new HolderReply.Refused("more than " + maxPerMinute + " queries in a minute from your cell; try later");
        }
        Optional<PartnerCell> allowed = standing.stream().filter(p -> allows(p, query)).findFirst();
        if (allowed.isEmpty()) {
            PartnerCell p = standing.getFirst();
            audit.record(AuditRecord.of(AuditAction.ACCESS_DENIED, caller.userId(), caller.organisationId(), OBJECT,
                    List.of()).withPurpose(caller.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("partner", p.id(), "holder", p.ownerOrganisationId(), "mode", query.mode(),
                            "reason", "the agreement's minimisation rule does not allow this form")));
            exchangeLog.recordAlongside(p.ownerOrganisationId(), p.id(), ExchangeLog.Kind.HIT_ANSWER, 0, "REFUSED",
                    "the agreement's minimisation rule does not allow " + query.mode());
            return new HolderReply.Refused("the agreement's minimisation rule does not allow this form of query");
        }
        PartnerCell p = allowed.get();
        HitRule rule = rules.find(p.agreementId()).orElseThrow();
        MinimisedQuery q = query.person() && "YEAR".equals(rule.birthPrecision()) && query.birthDate().length() > 4
                ? new MinimisedQuery(query.mode(), query.nameKeys(), query.birthDate().substring(0, 4), null) : query;
        String holder = p.ownerOrganisationId();
        List<String> matched = q.person() ? persons(holder, q)
                : identifiers(holder, Minimising.mac(rules.key(p.agreementId()).orElseThrow()), q.identifierHash());
        HitOutcome outcome = matched.isEmpty() ? HitOutcome.NO_HIT : HitOutcome.HIT;
        String reference = Ids.newId();
        String form = json.writeValueAsString(q);
        jdbc.sql("""
                INSERT INTO exchange_hit_incoming (id, holder_organisation_id, partner_id, caller_user_id,
                    caller_organisation_id, requester_query_id, minimised, outcome, matched, received_at, release_state)
                VALUES (:id, :holder, :partner, :user, :org, :query, :form, :outcome, :matched, :now, 'NONE')""")
                .param("id", reference).param("holder", holder).param("partner", p.id()).param("user", caller.userId())
                .param("org", caller.organisationId()).param("query", requesterQueryId).param("form", form)
                .param("outcome", outcome.name()).param("matched", String.join(",", matched))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(AuditRecord.of(AuditAction.SEARCH, caller.userId(), caller.organisationId(), "entity", matched)
                .withPurpose(caller.purpose()).withOutcome(outcome.name())
                .withDetails(Map.of("reference", reference, "partner", p.id(), "holder", holder, "mode", q.mode(),
                        "query", form)));
        exchangeLog.recordAlongside(holder, p.id(), ExchangeLog.Kind.HIT_ANSWER, 1, "OK", outcome.name());
        return answered(reference, outcome, holder, ReleaseState.NONE, null, null);
    }

    private boolean allows(PartnerCell p, MinimisedQuery q) {
        Optional<HitRule> rule = rules.find(p.agreementId());
        if (rule.isEmpty()) {
            return false;
        }
        return q.person() ? rule.get().nameKeyAndBirthDate()
                : rule.get().keyedHash() && rules.key(p.agreementId()).isPresent();
    }

    /** Checks the minimised form as it arrived; bad input names the field. */
    static void check(MinimisedQuery q, String requesterQueryId) {
        if (q == null) {
            throw new InvalidInputException("query", "required");
        }
        if (requesterQueryId != null && requesterQueryId.length() > 64) {
            throw new InvalidInputException("queryId", "at most 64 characters");
        }
        if (MinimisedQuery.NAME_KEY_DOB.equals(q.mode())) {
            if (q.nameKeys().size() < 2 || q.nameKeys().size() > 20) {
                throw new InvalidInputException("query.nameKeys", "between 2 and 20 name keys");
            }
            for (int i = 0; i < q.nameKeys().size(); i++) {
                String k = q.nameKeys().get(i);
                if (k == null || !NAME_KEY.matcher(k).matches()) {
                    throw new InvalidInputException("query.nameKeys[" + i + "]", "a name key (s:skeleton or t:text)");
                }
            }
            if (q.birthDate() == null || !YEAR_OR_DAY.matcher(q.birthDate()).matches()) {
                throw new InvalidInputException("query.birthDate", "required: YYYY or YYYY-MM-DD");
            }
            if (q.identifierHash() != null) {
                throw new InvalidInputException("query.identifierHash", "not with NAME_KEY_DOB");
            }
        } else if (MinimisedQuery.KEYED_HASH.equals(q.mode())) {
            if (q.identifierHash() == null || !HASH.matcher(q.identifierHash()).matches()) {
                throw new InvalidInputException("query.identifierHash", "base64url HMAC-SHA256 without padding");
            }
            if (!q.nameKeys().isEmpty() || q.birthDate() != null) {
                throw new InvalidInputException("query.nameKeys", "not with KEYED_HASH");
            }
        } else {
            throw new InvalidInputException("query.mode", "one of NAME_KEY_DOB, KEYED_HASH");
        }
    }

    /**
     * The holder's people whose name (or an alias) matches the keys and whose date of birth is compatible. Reads
     * every person of the installation page by page and keeps the holder's (cost: linear in the people held).
     */
    private List<String> persons(String holder, MinimisedQuery q) {
        List<String> matched = new ArrayList<>();
        String after = "";
        while (matched.size() < MAX_MATCHED) {
            List<PersonParticulars> page = persons.page(after, PAGE);
            for (PersonParticulars p : page) {
                if (p.ownerOrganisationId().equals(holder) && Minimising.birthDatesMatch(q.birthDate(), p.dateOfBirth())
                        && p.names().stream().anyMatch(n -> Minimising.namesMatch(q.nameKeys(), Minimising.nameKeys(n)))) {
                    matched.add(p.entityId());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().entityId();
        }
        return matched;
    }

    /** The holder's identifiers whose keyed hash is the query's (cost: one HMAC per identifier held). */
    private List<String> identifiers(String holder, Mac mac, String hash) {
        List<String> matched = new ArrayList<>();
        String after = "";
        while (true) {
            List<HeldIdentifiers.Held> page = identifiers.page(holder, after, PAGE);
            for (HeldIdentifiers.Held h : page) {
                if (java.security.MessageDigest.isEqual(Minimising.hash(mac, h.key()).getBytes(), hash.getBytes())) {
                    matched.add(h.entityId());
                }
            }
            if (page.size() < PAGE || matched.size() >= MAX_MATCHED) {
                return matched;
            }
            after = page.getLast().key();
        }
    }

    private HolderReply.Answered answered(String reference, HitOutcome outcome, String holder, ReleaseState release,
                                          String message, Instant decidedAt) {
        String contact = rules.contact(holder);
        if (contact == null) {
            contact = organisations.find(holder).map(OrganisationSummary::name).orElse("");
        }
        return new HolderReply.Answered(reference, outcome, contact, release, message, decidedAt);
    }

    // ------------------------------------------------------------------------------------------ release

    @Transactional
    public Optional<HolderReply> reply(Reader caller, String reference) {
        Optional<IncomingRequest> row = ofCaller(caller, reference);
        row.ifPresent(r -> audit.record(AuditRecord.of(AuditAction.CONSULTATION, caller.userId(),
                caller.organisationId(), OBJECT, List.of(reference)).withPurpose(caller.purpose())));
        return row.map(r -> answered(r.reference(), r.outcome(), r.holderOrganisationId(), r.release(),
                r.decisionMessage(), r.decidedAt()));
    }

    @Transactional
    public Optional<HolderReply> askRelease(Reader caller, String reference, String justification) {
        Optional<IncomingRequest> row = ofCaller(caller, reference);
        if (row.isEmpty() || row.get().outcome() != HitOutcome.HIT) {
            return Optional.empty();
        }
        String why = text("justification", justification);
        IncomingRequest r = row.get();
        int moved = jdbc.sql("""
                UPDATE exchange_hit_incoming SET release_state = 'REQUESTED', justification = :why,
                    release_requested_at = :now WHERE id = :id AND release_state = 'NONE'""")
                .param("why", why).param("now", Timestamp.from(clock.instant())).param("id", reference).update();
        if (moved == 1) {
            audit.record(AuditRecord.of(AuditAction.ALTERATION, caller.userId(), caller.organisationId(), OBJECT,
                    List.of(reference)).withPurpose(caller.purpose()).withDetails(Map.of("release", "REQUESTED")));
            exchangeLog.recordAlongside(r.holderOrganisationId(), r.partnerId(), ExchangeLog.Kind.HIT_RELEASE, 0, "OK",
                    "release requested");
            for (String supervisor : colleagues.members(r.holderOrganisationId(), Role.SUPERVISOR)) {
                notices.tell(supervisor, new Notices.Notice(reference, "Hit/no-hit", "hit-release-requested",
                        reference, r.holderOrganisationId(), "Release requested after a hit",
                        r.partnerName() + " asks for release after a hit; decide on the hit/no-hit page.",
                        Severity.MEDIUM, "/exchange/hits#inbox"));
            }
        }
        return reply(caller, reference);
    }

    /** A reference received from the caller's organisation, while its partnership is in force. */
    private Optional<IncomingRequest> ofCaller(Reader caller, String reference) {
        if (!Ids.isWellFormed(reference) || standing(caller).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM exchange_hit_incoming WHERE id = :id AND caller_organisation_id = :org")
                .param("id", reference).param("org", caller.organisationId()).query(this::row).optional();
    }

    @Transactional
    public List<IncomingRequest> inbox(Reader supervisor) {
        if (!colleagues.holds(supervisor, Role.SUPERVISOR)) {
            return List.of();
        }
        List<IncomingRequest> rows = jdbc.sql("""
                SELECT * FROM exchange_hit_incoming WHERE holder_organisation_id = :org
                ORDER BY received_at DESC, id LIMIT 200""").param("org", supervisor.organisationId())
                .query(this::row).list();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, supervisor.userId(), supervisor.organisationId(),
                OBJECT, rows.stream().map(IncomingRequest::reference).toList()).withPurpose(supervisor.purpose()));
        return rows;
    }

    @Transactional
    public Optional<IncomingRequest> decide(Reader supervisor, String reference, boolean release, String message) {
        if (!Ids.isWellFormed(reference)
                || !colleagues.holds(supervisor, Role.SUPERVISOR)) {
            return Optional.empty();
        }
        Optional<IncomingRequest> row = jdbc.sql(
                        "SELECT * FROM exchange_hit_incoming WHERE id = :id AND holder_organisation_id = :org")
                .param("id", reference).param("org", supervisor.organisationId()).query(this::row).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String text = text("message", message);
        ReleaseState to = release ? ReleaseState.RELEASED : ReleaseState.DECLINED;
        int moved = jdbc.sql("""
                UPDATE exchange_hit_incoming SET release_state = :state, decision_message = :message,
                    decided_by = :user, decided_at = :now WHERE id = :id AND release_state = 'REQUESTED'""")
                .param("state", to.name()).param("message", text).param("user", supervisor.userId())
                .param("now", Timestamp.from(clock.instant())).param("id", reference).update();
        if (moved == 0) {
            throw new InvalidInputException("reference", "no release request waits for a decision");
        }
        IncomingRequest r = row.get();
        audit.record(AuditRecord.of(release ? AuditAction.DISCLOSURE : AuditAction.ALTERATION, supervisor.userId(),
                        supervisor.organisationId(), OBJECT, List.of(reference)).withPurpose(supervisor.purpose())
                .withOutcome(to.name()).withDetails(Map.of("partner", r.partnerId(),
                        "matched", String.join(",", r.matchedEntityIds()))));
        exchangeLog.recordAlongside(r.holderOrganisationId(), r.partnerId(), ExchangeLog.Kind.HIT_RELEASE, 0, "OK", to.name());
        return jdbc.sql("SELECT * FROM exchange_hit_incoming WHERE id = :id").param("id", reference)
                .query(this::row).optional();
    }

    static String text(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "required, at most " + MAX_TEXT + " characters");
        }
        return v;
    }

    private IncomingRequest row(ResultSet rs, int n) throws SQLException {
        String partnerId = rs.getString("partner_id");
        String partnerName = partners.forProcessing(partnerId).map(PartnerCell::name).orElse(partnerId);
        String matched = rs.getString("matched");
        return new IncomingRequest(rs.getString("id"), rs.getString("holder_organisation_id"), partnerId, partnerName,
                rs.getString("caller_user_id"), json.readValue(rs.getString("minimised"), MinimisedQuery.class),
                HitOutcome.valueOf(rs.getString("outcome")),
                matched == null || matched.isBlank() ? List.of() : List.of(matched.split(",")),
                instant(rs, "received_at"), ReleaseState.valueOf(rs.getString("release_state")),
                rs.getString("justification"), rs.getString("decision_message"), rs.getString("decided_by"),
                instant(rs, "decided_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
