package org.fusioncell.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.plans.PlanStatus;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.Plans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a plan. Seeing: the plan's marking ({@link AccessPolicy}). Changing: also a coordinator,
 * that is an analyst or a supervisor of the owner organisation (read from the database at each step, so a role
 * taken away takes effect at once). Every outcome is audited, refusals included.
 */
@Component
class PlanGate {

    static final String OBJECT = Plans.INFORMATION_TYPE;

    final JdbcClient jdbc;
    final Markings markings;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final Clock clock;

    PlanGate(JdbcClient jdbc, Markings markings, Colleagues colleagues, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.colleagues = colleagues;
        this.audit = audit;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    Optional<PlanTree.Header> header(String planId) {
        if (planId == null || !org.fusioncell.shared.Ids.isWellFormed(planId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM plans_plan WHERE id = :id").param("id", planId)
                .query((rs, n) -> header(rs)).optional();
    }

    private PlanTree.Header header(ResultSet rs) throws SQLException {
        return new PlanTree.Header(rs.getString("id"), rs.getString("title"), rs.getString("scope"),
                rs.getString("country"), rs.getString("region"), rs.getString("version_label"),
                PlanStatus.valueOf(rs.getString("status")), rs.getString("language"),
                rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                rs.getString("owner_organisation_id"), rs.getString("created_by"), rs.getString("last_changed_by"),
                markings.find(rs.getString("marking_id")).orElseThrow(), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** The plan if the reader may see it; an existence-only or hidden plan is audited and left out. */
    Optional<PlanTree.Header> visible(Reader reader, String planId) {
        Optional<PlanTree.Header> h = header(planId);
        if (h.isEmpty()) {
            return h;
        }
        Decision d = AccessPolicy.decide(reader, OBJECT, h.get().marking());
        if (!d.visible()) {
            record(AuditRecord.of(AuditAction.ACCESS_DENIED, reader.userId(), reader.organisationId(), OBJECT,
                    List.of(planId)).withPurpose(reader.purpose()).withOutcome(d.visibility().name())
                    .withDetails(Map.of("reason", d.reason())));
            return Optional.empty();
        }
        return h;
    }

    boolean coordinator(Reader reader, String ownerOrganisation) {
        return reader.organisationId().equals(ownerOrganisation)
                && (colleagues.holds(reader, Role.ANALYST)
                || supervisor(reader, ownerOrganisation));
    }

    boolean supervisor(Reader reader, String ownerOrganisation) {
        return reader.organisationId().equals(ownerOrganisation)
                && colleagues.holds(reader, Role.SUPERVISOR);
    }

    /**
     * Why the reader may not change this plan: unknown if they may not see it, refused if they are not one of its
     * coordinators or it is closed (audited); null when they may go on.
     */
    <T> PlanStep<T> refusal(Reader reader, Optional<PlanTree.Header> plan, String step) {
        if (plan.isEmpty()) {
            return new PlanStep.Unknown<>();
        }
        PlanTree.Header h = plan.get();
        if (!coordinator(reader, h.ownerOrganisationId())) {
            refused(reader, h.id(), step, "not-coordinator");
            return new PlanStep.Refused<>("not-coordinator",
                    "Only the analysts and supervisors of the owner organisation change a plan.");
        }
        if (h.status() == PlanStatus.CLOSED) {
            refused(reader, h.id(), step, "closed");
            return new PlanStep.Refused<>("closed", "The plan is closed.");
        }
        return null;
    }

    void refused(Reader reader, String planId, String step, String code) {
        record(AuditRecord.of(AuditAction.ALTERATION, reader.userId(), reader.organisationId(), OBJECT,
                List.of(planId)).withPurpose(reader.purpose()).withOutcome("REFUSED")
                .withDetails(Map.of("step", step, "reason", code)));
    }

    void audit(Reader reader, AuditAction action, String planId, String step, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("step", step);
        record(AuditRecord.of(action, reader.userId(), reader.organisationId(), OBJECT, List.of(planId))
                .withPurpose(reader.purpose()).withDetails(all));
    }

    void record(AuditRecord record) {
        audit.record(record);
    }

    /** Marks the plan as changed by the reader (the four-eyes rule looks at who changed it last). */
    void touch(Reader reader, String planId) {
        jdbc.sql("""
                UPDATE plans_plan SET updated_at = :now, last_changed_by = :user, version = version + 1
                WHERE id = :id""").param("now", Timestamp.from(now())).param("user", reader.userId())
                .param("id", planId).update();
    }

    /** Whether {@code id} is a row of {@code table} under the plan (a part of another plan is none of this one). */
    boolean part(String table, String planId, String id) {
        return id != null && org.fusioncell.shared.Ids.isWellFormed(id) && jdbc.sql("SELECT COUNT(*) FROM " + table
                + " WHERE id = :id AND plan_id = :p").param("id", id).param("p", planId).query(Long.class).single() > 0;
    }

    void requirePart(String table, String field, String planId, String id) {
        if (!part(table, planId, id)) {
            throw new org.fusioncell.shared.InvalidInputException(field,
                    "no such " + field.replace("Id", "") + " in this plan");
        }
    }

    static boolean visibleTo(Reader reader, Marking marking) {
        return AccessPolicy.decide(reader, OBJECT, marking).visible();
    }
}
