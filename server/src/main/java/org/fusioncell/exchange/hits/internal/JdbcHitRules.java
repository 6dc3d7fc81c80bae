package org.fusioncell.exchange.hits.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.hits.HitRule;
import org.fusioncell.exchange.hits.HitRules;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Minimisation rules per agreement and points of contact per organisation, on the database. */
@Service
class JdbcHitRules implements HitRules {

    static final int MAX_CONTACT = 500;

    private final JdbcClient jdbc;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final Clock clock;

    JdbcHitRules(JdbcClient jdbc, Colleagues colleagues, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.colleagues = colleagues;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HitRule> list(Reader reader) {
        return reader.agreements().stream().map(AgreementGrant::agreementId).distinct()
                .map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HitRule> find(String agreementId) {
        return jdbc.sql("""
                SELECT agreement_id, name_key_dob, birth_precision, keyed_hash, hash_key, updated_at
                FROM exchange_hit_rule WHERE agreement_id = :id""").param("id", agreementId)
                .query((rs, n) -> new HitRule(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5) != null, rs.getTimestamp(6).toInstant())).optional();
    }

    /** The shared key of an agreement, for hashing only; never shown. */
    Optional<byte[]> key(String agreementId) {
        return jdbc.sql("SELECT hash_key FROM exchange_hit_rule WHERE agreement_id = :id AND keyed_hash = TRUE")
                .param("id", agreementId).query(String.class).optional().map(Minimising::key)
                .filter(k -> k.length >= Minimising.MIN_KEY_BYTES);
    }

    @Override
    @Transactional
    public HitRule set(Reader admin, String agreementId, boolean nameKeyAndBirthDate, String birthPrecision,
                       boolean keyedHash, String key) {
        requireAdmin(admin);
        if (admin.agreements().stream().noneMatch(a -> a.agreementId().equals(agreementId))) {
            throw new NotFoundException("agreement in force");
        }
        String precision = birthPrecision == null || birthPrecision.isBlank() ? "DAY" : birthPrecision.strip();
        if (!precision.equals("DAY") && !precision.equals("YEAR")) {
            throw new InvalidInputException("birthPrecision", "one of DAY, YEAR");
        }
        Optional<HitRule> before = find(agreementId);
        String storedKey = before.isPresent() ? jdbc.sql("SELECT hash_key FROM exchange_hit_rule WHERE agreement_id = :id")
                .param("id", agreementId).query(String.class).optional().orElse(null) : null;
        if (key != null) {
            storedKey = key.isBlank() ? null : key.strip();
            if (storedKey != null && Minimising.key(storedKey).length < Minimising.MIN_KEY_BYTES) {
                throw new InvalidInputException("key", "base64 of at least " + Minimising.MIN_KEY_BYTES
                        + " random bytes, agreed with the partner out of band");
            }
        }
        if (keyedHash && storedKey == null) {
            throw new InvalidInputException("key", "required when keyed hashes are allowed");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE exchange_hit_rule SET name_key_dob = :names, birth_precision = :precision, keyed_hash = :hash,
                    hash_key = :key, updated_by = :user, updated_at = :now WHERE agreement_id = :id""")
                .param("names", nameKeyAndBirthDate).param("precision", precision).param("hash", keyedHash)
                .param("key", storedKey).param("user", admin.userId()).param("now", now).param("id", agreementId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO exchange_hit_rule (agreement_id, name_key_dob, birth_precision, keyed_hash, hash_key,
                        updated_by, updated_at) VALUES (:id, :names, :precision, :hash, :key, :user, :now)""")
                    .param("names", nameKeyAndBirthDate).param("precision", precision).param("hash", keyedHash)
                    .param("key", storedKey).param("user", admin.userId()).param("now", now).param("id", agreementId)
                    .update();
        }
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, admin.userId(), admin.organisationId(),
                        "hit-rule", List.of(agreementId)).withPurpose(admin.purpose())
                .withDetails(Map.of("nameKeyAndBirthDate", String.valueOf(nameKeyAndBirthDate),
                        "birthPrecision", precision, "keyedHash", String.valueOf(keyedHash),
                        "keyChanged", String.valueOf(key != null))));
        return find(agreementId).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public String contact(String organisationId) {
        return jdbc.sql("SELECT contact FROM exchange_hit_desk WHERE organisation_id = :org")
                .param("org", organisationId).query(String.class).optional().orElse(null);
    }

    @Override
    @Transactional
    public void setContact(Reader admin, String contact) {
        requireAdmin(admin);
        String value = contact == null ? "" : contact.strip();
        if (value.isEmpty() || value.length() > MAX_CONTACT) {
            throw new InvalidInputException("contact", "required, at most " + MAX_CONTACT + " characters");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE exchange_hit_desk SET contact = :contact, updated_by = :user, updated_at = :now
                WHERE organisation_id = :org""").param("contact", value).param("user", admin.userId())
                .param("now", now).param("org", admin.organisationId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO exchange_hit_desk (organisation_id, contact, updated_by, updated_at)
                    VALUES (:org, :contact, :user, :now)""").param("contact", value).param("user", admin.userId())
                    .param("now", now).param("org", admin.organisationId()).update();
        }
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, admin.userId(), admin.organisationId(),
                "hit-contact", List.of(admin.organisationId())).withPurpose(admin.purpose()));
    }

    private void requireAdmin(Reader reader) {
        if (!colleagues.holds(reader, Role.ADMINISTRATOR)) {
            throw new HitRules.NotAdministratorException();
        }
    }
}
