package org.fusioncell.hashbanks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.hashbanks.Bank;
import org.fusioncell.hashbanks.BankEntry;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.hashbanks.HashBanks;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.media.lists.HashAlgorithm;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a bank. Seeing: the bank's marking ({@link AccessPolicy}), for the bank and every entry in
 * it. Changing: also an analyst or supervisor of the owner organisation (read from the database at each step, so a
 * role taken away takes effect at once). Every outcome is audited, refusals and existence-only answers included.
 */
@Component
class BankGate {

    static final String TYPE = HashBanks.INFORMATION_TYPE;
    /** Audit object types: what was touched, whatever information type decided it. */
    static final String BANK = "hash-bank";
    static final String ENTRY = "hash-entry";

    static final String BANK_COLUMNS = """
            b.*, (SELECT COUNT(*) FROM hashbanks_entry e WHERE e.bank_id = b.id AND NOT e.deleted) AS live_entries,
            (SELECT COUNT(*) FROM hashbanks_entry e WHERE e.bank_id = b.id AND e.deleted) AS deleted_entries""";

    final JdbcClient jdbc;
    final Markings markings;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final Clock clock;

    BankGate(JdbcClient jdbc, Markings markings, Colleagues colleagues, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.colleagues = colleagues;
        this.audit = audit;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    Optional<Bank> bank(String bankId) {
        if (bankId == null || !Ids.isWellFormed(bankId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + BANK_COLUMNS + " FROM hashbanks_bank b WHERE b.id = :id").param("id", bankId)
                .query((rs, n) -> bank(rs, markings)).optional();
    }

    static Bank bank(ResultSet rs, Markings markings) throws SQLException {
        return new Bank(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                rs.getString("owner_organisation_id"), markings.find(rs.getString("marking_id")).orElseThrow(),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("live_entries"), rs.getLong("deleted_entries"));
    }

    static BankEntry entry(ResultSet rs) throws SQLException {
        int q = rs.getInt("quality");
        return new BankEntry(rs.getString("id"), rs.getString("bank_id"),
                HashAlgorithm.valueOf(rs.getString("algorithm")), rs.getString("hash_value"), rs.getString("label"),
                rs.wasNull() ? null : q, rs.getString("source_note"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant(), rs.getBoolean("deleted"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    /**
     * Opens a bank for a step: Done when the reader may see it; KnownToExist or Unknown otherwise (audited as
     * {@code action} with the policy's answer). Hidden and absent are the same Unknown.
     */
    BankStep<Bank> open(Reader reader, String bankId, AuditAction action, String step) {
        Optional<Bank> found = bank(bankId);
        if (found.isEmpty()) {
            return new BankStep.Unknown<>();
        }
        Bank b = found.get();
        Decision d = AccessPolicy.decide(reader, TYPE, b.marking());
        return switch (d.visibility()) {
            case HIDDEN -> new BankStep.Unknown<>();
            case EXISTENCE_ONLY -> {
                record(AuditRecord.of(action, reader.userId(), reader.organisationId(), BANK, List.of(b.id()))
                        .withPurpose(reader.purpose()).withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("reason", d.reason(), "step", step)));
                yield new BankStep.KnownToExist<>(b.id(), b.ownerOrganisationId(), b.marking());
            }
            case VISIBLE -> new BankStep.Done<>(b);
        };
    }

    /** As {@link #open}, and the reader must be one of the bank's keepers (refusal audited). */
    BankStep<Bank> openForChange(Reader reader, String bankId, String step) {
        BankStep<Bank> opened = open(reader, bankId, AuditAction.ALTERATION, step);
        if (opened instanceof BankStep.Done<Bank> d && !keeper(reader, d.value().ownerOrganisationId())) {
            record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), BANK,
                    List.of(bankId)).withPurpose(reader.purpose()).withOutcome("REFUSED")
                    .withDetails(Map.of("step", step, "reason", "not-keeper")));
            return new BankStep.Refused<>("not-keeper",
                    "Only the analysts and supervisors of the owner organisation change a bank.");
        }
        return opened;
    }

    /** An analyst or supervisor of {@code organisationId}, acting for it. */
    boolean keeper(Reader reader, String organisationId) {
        return reader.organisationId().equals(organisationId)
                && (colleagues.holds(reader, Role.ANALYST)
                || colleagues.holds(reader, Role.SUPERVISOR));
    }

    /** Carries a refusal, existence-only or unknown outcome over to a step of another result type. */
    @SuppressWarnings("unchecked")
    static <T> BankStep<T> notDone(BankStep<Bank> step) {
        if (step instanceof BankStep.Done<Bank>) {
            throw new IllegalArgumentException("the step is done");
        }
        return (BankStep<T>) (BankStep<?>) step;
    }

    void audit(Reader reader, AuditAction action, String objectType, List<String> ids, Map<String, String> details) {
        record(AuditRecord.of(action, reader.userId(), reader.organisationId(), objectType, ids)
                .withPurpose(reader.purpose()).withDetails(new LinkedHashMap<>(details)));
    }

    void record(AuditRecord record) {
        audit.record(record);
    }

    void touch(String bankId) {
        jdbc.sql("UPDATE hashbanks_bank SET updated_at = :now WHERE id = :id")
                .param("now", java.sql.Timestamp.from(now())).param("id", bankId).update();
    }
}
