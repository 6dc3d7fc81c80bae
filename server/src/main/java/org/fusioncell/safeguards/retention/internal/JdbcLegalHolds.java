package org.fusioncell.safeguards.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.safeguards.retention.LegalHold;
import org.fusioncell.safeguards.retention.LegalHolds;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link LegalHolds} in {@code retention_hold}; each placement and release audited as administration. */
@Service
class JdbcLegalHolds implements LegalHolds {

    static final String OBJECT = "legal-hold";

    private final JdbcClient jdbc;
    private final PurgedTypes purged;
    private final Officers officers;
    private final AuditLog audit;
    private final Clock clock;

    JdbcLegalHolds(JdbcClient jdbc, PurgedTypes purged, Officers officers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.purged = purged;
        this.officers = officers;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Placement place(Reader officer, HoldDraft d) {
        officers.requireOfficer(officer);
        if (d == null || d.itemType() == null || !TYPES.contains(d.itemType())) {
            throw new InvalidInputException("itemType", "one of " + TYPES);
        }
        String itemId = Officers.id("itemId", d.itemId());
        String reason = Officers.text("reason", d.reason(), 1000, true);
        String authority = Officers.text("authority", d.authority(), 300, true);
        String reference = Officers.text("reference", d.reference(), 300, false);
        Instant now = Instant.now(clock);
        LocalDate endsOn = null;
        if (d.endsOn() != null && !d.endsOn().isBlank()) {
            try {
                endsOn = LocalDate.parse(d.endsOn().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("endsOn", "a date yyyy-mm-dd");
            }
            if (endsOn.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                throw new InvalidInputException("endsOn", "not in the past");
            }
        }
        Optional<String> holder = purged.type(d.itemType()).flatMap(t -> t.holder().apply(itemId));
        if (holder.isEmpty()) {
            audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, officer.userId(), officer.organisationId(), OBJECT,
                    List.of(itemId)).withPurpose(officer.purpose()).withOutcome("UNKNOWN_ITEM")
                    .withDetails(Map.of("step", "place", "itemType", d.itemType())));
            return new Placement.UnknownItem();
        }
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO retention_hold (id, item_type, item_id, organisation_id, reason, authority, reference,
                    ends_on, placed_by, placed_at) VALUES (:id, :type, :item, :org, :reason, :authority, :reference,
                    :ends, :by, :at)""").param("id", id).param("type", d.itemType()).param("item", itemId)
                .param("org", holder.get()).param("reason", reason).param("authority", authority)
                .param("reference", reference).param("ends", endsOn).param("by", officer.userId())
                .param("at", Timestamp.from(now)).update();
        Map<String, String> details = new HashMap<>(Map.of("step", "place", "itemType", d.itemType(), "reason", reason,
                "authority", authority));
        if (reference != null) {
            details.put("reference", reference);
        }
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, officer.userId(), officer.organisationId(), OBJECT,
                List.of(id, itemId)).withPurpose(officer.purpose()).withDetails(details));
        return new Placement.Placed(find(id).orElseThrow());
    }

    @Override
    @Transactional
    public Optional<LegalHold> release(Reader officer, String holdId, String reason) {
        officers.requireOfficer(officer);
        String why = Officers.text("reason", reason, 1000, true);
        if (!Ids.isWellFormed(holdId)) {
            return Optional.empty();
        }
        int released = jdbc.sql("UPDATE retention_hold SET released_by = :by, released_at = :at, release_reason = :r"
                        + " WHERE id = :id AND released_at IS NULL").param("by", officer.userId())
                .param("at", Timestamp.from(Instant.now(clock))).param("r", why).param("id", holdId).update();
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, officer.userId(), officer.organisationId(), OBJECT,
                List.of(holdId)).withPurpose(officer.purpose()).withOutcome(released == 1 ? "OK" : "UNKNOWN")
                .withDetails(Map.of("step", "release", "reason", why)));
        return released == 1 ? find(holdId) : Optional.empty();
    }

    @Override
    @Transactional
    public List<LegalHold> list(Reader officer, boolean activeOnly) {
        officers.requireOfficer(officer);
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        List<LegalHold> holds = jdbc.sql("SELECT * FROM retention_hold ORDER BY placed_at DESC, id LIMIT 500")
                .query(JdbcLegalHolds::row).list().stream().filter(h -> !activeOnly || h.activeOn(today)).toList();
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, officer.userId(), officer.organisationId(), OBJECT,
                holds.stream().map(LegalHold::id).toList()).withPurpose(officer.purpose()));
        return holds;
    }

    @Override
    public Optional<LegalHold> activeOn(String itemType, String itemId, LocalDate day) {
        return jdbc.sql("SELECT * FROM retention_hold WHERE item_type = :t AND item_id = :i AND released_at IS NULL"
                        + " AND (ends_on IS NULL OR ends_on >= :day) ORDER BY placed_at LIMIT 1")
                .param("t", itemType).param("i", itemId).param("day", day).query(JdbcLegalHolds::row).optional();
    }

    private Optional<LegalHold> find(String id) {
        return jdbc.sql("SELECT * FROM retention_hold WHERE id = :id").param("id", id).query(JdbcLegalHolds::row)
                .optional();
    }

    static LegalHold row(ResultSet rs, int n) throws SQLException {
        java.sql.Date ends = rs.getDate("ends_on");
        Timestamp released = rs.getTimestamp("released_at");
        return new LegalHold(rs.getString("id"), rs.getString("item_type"), rs.getString("item_id"),
                rs.getString("organisation_id"), rs.getString("reason"), rs.getString("authority"),
                rs.getString("reference"), ends == null ? null : ends.toLocalDate(), rs.getString("placed_by"),
                rs.getTimestamp("placed_at").toInstant(), rs.getString("released_by"),
                released == null ? null : released.toInstant(), rs.getString("release_reason"));
    }
}
