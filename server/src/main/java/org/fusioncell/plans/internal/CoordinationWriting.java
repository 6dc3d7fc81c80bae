package org.fusioncell.plans.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.plans.Drafts.ConsultationDraft;
import org.fusioncell.plans.Drafts.DecisionDraft;
import org.fusioncell.plans.Drafts.FollowUpDraft;
import org.fusioncell.plans.Drafts.MeetingDraft;
import org.fusioncell.plans.Drafts.NeedDraft;
import org.fusioncell.plans.Drafts.OfferDraft;
import org.fusioncell.plans.Drafts.ParticipantDraft;
import org.fusioncell.plans.Drafts.WorkingGroupDraft;
import org.fusioncell.plans.PlanCoordination;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's coordination and participation on the database: every value checked before anything is written (one
 * transaction), by the plan's coordinators, each change the plan's last change and audited (object type plan).
 */
@Service
class CoordinationWriting implements PlanCoordination {

    private static final int MAX_NAMES = 60;
    private static final int MAX_DECISIONS = 30;

    private final PlanGate gate;

    CoordinationWriting(PlanGate gate) {
        this.gate = gate;
    }

    static boolean open(String followUpStatus) {
        return !"DONE".equals(followUpStatus) && !"CANCELLED".equals(followUpStatus);
    }

    @Override
    @Transactional
    public PlanStep<String> addWorkingGroup(Reader reader, String planId, WorkingGroupDraft d) {
        return change(reader, planId, "working-group", h -> {
            require(d);
            String name = PlanInput.text("name", d.name(), 300, true);
            String kind = PlanInput.choice("kind", d.kind(), GROUP_KINDS, null);
            String chair = PlanInput.text("chair", d.chair(), 300, false);
            List<String> members = names("members", d.members());
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_working_group (id, plan_id, name, kind, chair, created_at)
                    VALUES (:id, :p, :n, :k, :c, :now)""").param("id", id).param("p", planId).param("n", name)
                    .param("k", kind).param("c", chair).param("now", now()).update();
            insertNames("plans_working_group_member", "working_group_id", id, members);
            return id;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> addMeeting(Reader reader, String planId, MeetingDraft d) {
        return change(reader, planId, "meeting", h -> {
            require(d);
            gate.requirePart("plans_working_group", "workingGroupId", planId, d.workingGroupId());
            LocalDate on = PlanInput.date("heldOn", d.heldOn());
            PlanInput.within("heldOn", on, h.periodStart().minusYears(2), h.periodEnd());
            String place = PlanInput.text("place", d.place(), 300, true);
            List<String> participants = names("participants", d.participants());
            String minutes = PlanInput.text("minutes", d.minutes(), PlanInput.MAX_TEXT, false);
            List<DecisionDraft> decisions = d.decisions() == null ? List.of() : d.decisions();
            if (decisions.size() > MAX_DECISIONS) {
                throw new InvalidInputException("decisions", "at most " + MAX_DECISIONS);
            }
            record Follow(String what, String owner, LocalDate due, String status) {
            }
            List<String> texts = new ArrayList<>();
            List<List<Follow>> follows = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                DecisionDraft dd = decisions.get(i);
                String f = "decisions[" + i + "]";
                texts.add(PlanInput.text(f + ".text", dd == null ? null : dd.text(), 2000, true));
                List<FollowUpDraft> fs = dd.followUps() == null ? List.of() : dd.followUps();
                List<Follow> checked = new ArrayList<>();
                for (int j = 0; j < fs.size(); j++) {
                    FollowUpDraft fu = fs.get(j);
                    String g = f + ".followUps[" + j + "]";
                    if (fu == null) {
                        throw new InvalidInputException(g, "required");
                    }
                    LocalDate due = PlanInput.date(g + ".dueDate", fu.dueDate());
                    if (due.isBefore(on)) {
                        throw new InvalidInputException(g + ".dueDate", "before the meeting (" + on + ")");
                    }
                    checked.add(new Follow(PlanInput.text(g + ".what", fu.what(), 1000, true),
                            PlanInput.text(g + ".owner", fu.owner(), 300, true), due,
                            PlanInput.choice(g + ".status", fu.status(), FOLLOW_UP_STATUSES, "OPEN")));
                }
                follows.add(checked);
            }
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_meeting (id, plan_id, working_group_id, held_on, place, minutes, created_at)
                    VALUES (:id, :p, :g, :on, :place, :minutes, :now)""").param("id", id).param("p", planId)
                    .param("g", d.workingGroupId()).param("on", Date.valueOf(on)).param("place", place)
                    .param("minutes", minutes).param("now", now()).update();
            insertNames("plans_meeting_participant", "meeting_id", id, participants);
            for (int i = 0; i < texts.size(); i++) {
                String decision = Ids.newId();
                gate.jdbc.sql("""
                        INSERT INTO plans_decision (id, plan_id, meeting_id, position, text)
                        VALUES (:id, :p, :m, :pos, :t)""").param("id", decision).param("p", planId).param("m", id)
                        .param("pos", i).param("t", texts.get(i)).update();
                for (int j = 0; j < follows.get(i).size(); j++) {
                    Follow fu = follows.get(i).get(j);
                    gate.jdbc.sql("""
                            INSERT INTO plans_follow_up (id, plan_id, decision_id, position, what, owner, due_on, status)
                            VALUES (:id, :p, :d, :pos, :w, :o, :due, :s)""").param("id", Ids.newId())
                            .param("p", planId).param("d", decision).param("pos", j).param("w", fu.what())
                            .param("o", fu.owner()).param("due", Date.valueOf(fu.due())).param("s", fu.status())
                            .update();
                }
            }
            return id;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> moveFollowUp(Reader reader, String planId, String followUpId, String status) {
        return change(reader, planId, "follow-up", h -> {
            gate.requirePart("plans_follow_up", "followUpId", planId, followUpId);
            String s = PlanInput.choice("status", status, FOLLOW_UP_STATUSES, null);
            gate.jdbc.sql("UPDATE plans_follow_up SET status = :s WHERE id = :id").param("s", s)
                    .param("id", followUpId).update();
            return followUpId;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> addNeed(Reader reader, String planId, NeedDraft d) {
        return change(reader, planId, "capacity-need", h -> {
            require(d);
            String institution = PlanInput.text("institution", d.institution(), 300, true);
            String area = gate.jdbc.sql("SELECT id FROM plans_area WHERE plan_id = :p AND code = :c")
                    .param("p", planId).param("c", d.areaCode() == null ? "" : d.areaCode().strip())
                    .query(String.class).optional()
                    .orElseThrow(() -> new InvalidInputException("areaCode", "no such priority area in this plan"));
            String description = PlanInput.text("description", d.description(), 2000, true);
            String priority = PlanInput.choice("priority", d.priority(), PRIORITIES, null);
            String status = PlanInput.choice("status", d.status(), NEED_STATUSES, "OPEN");
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_capacity_need (id, plan_id, institution, area_id, description, priority, status,
                        created_at) VALUES (:id, :p, :i, :a, :d, :pr, :s, :now)""").param("id", id).param("p", planId)
                    .param("i", institution).param("a", area).param("d", description).param("pr", priority)
                    .param("s", status).param("now", now()).update();
            return id;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> addOffer(Reader reader, String planId, OfferDraft d) {
        return change(reader, planId, "support-offer", h -> {
            require(d);
            String organisation = PlanInput.text("organisation", d.organisation(), 300, true);
            String what = PlanInput.text("what", d.what(), 2000, true);
            BigDecimal amount = null;
            String currency = null;
            if (d.amount() != null && !d.amount().isBlank()) {
                java.util.Currency c = PlanInput.currency(d.currency());
                amount = PlanInput.amount("amount", d.amount(), c, true);
                currency = c.getCurrencyCode();
            }
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_support_offer (id, plan_id, organisation, what, amount, currency, created_at)
                    VALUES (:id, :p, :o, :w, :a, :c, :now)""").param("id", id).param("p", planId)
                    .param("o", organisation).param("w", what).param("a", amount).param("c", currency)
                    .param("now", now()).update();
            return id;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> match(Reader reader, String planId, String needId, String offerId) {
        return change(reader, planId, "support-match", h -> {
            gate.requirePart("plans_capacity_need", "needId", planId, needId);
            gate.requirePart("plans_support_offer", "offerId", planId, offerId);
            once("SELECT COUNT(*) FROM plans_support_match WHERE need_id = :a AND offer_id = :b", needId, offerId,
                    "offerId", "already matched to this need");
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_support_match (id, plan_id, need_id, offer_id, created_at)
                    VALUES (:id, :p, :n, :o, :now)""").param("id", id).param("p", planId).param("n", needId)
                    .param("o", offerId).param("now", now()).update();
            return id;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> addParticipant(Reader reader, String planId, ParticipantDraft d) {
        return change(reader, planId, "participant", h -> {
            require(d);
            String organisation = PlanInput.text("organisation", d.organisation(), 300, true);
            String sector = PlanInput.choice("sector", d.sector(), SECTORS, null);
            once("SELECT COUNT(*) FROM plans_participant WHERE plan_id = :a AND LOWER(organisation) = LOWER(:b)",
                    planId, organisation, "organisation", "already takes part in this plan");
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_participant (id, plan_id, organisation, sector, created_at)
                    VALUES (:id, :p, :o, :s, :now)""").param("id", id).param("p", planId).param("o", organisation)
                    .param("s", sector).param("now", now()).update();
            return id;
        });
    }

    @Override
    @Transactional
    public PlanStep<String> addConsultation(Reader reader, String planId, ConsultationDraft d) {
        return change(reader, planId, "consultation", h -> {
            require(d);
            LocalDate on = PlanInput.date("heldOn", d.heldOn());
            PlanInput.within("heldOn", on, h.periodStart().minusYears(2), h.periodEnd());
            if (on.isAfter(LocalDate.ofInstant(gate.now(), java.time.ZoneOffset.UTC))) {
                throw new InvalidInputException("heldOn", "in the future: record a consultation once held");
            }
            String place = PlanInput.text("place", d.place(), 300, true);
            String kind = PlanInput.choice("kind", d.kind(), CONSULTATION_KINDS, null);
            String organiser = PlanInput.text("organiser", d.organiser(), 300, true);
            List<String> organisations = names("organisations", d.organisations());
            int total = PlanInput.count("participants", d.participants(), true);
            int women = PlanInput.count("women", d.women(), false);
            int men = PlanInput.count("men", d.men(), false);
            int youth = PlanInput.count("youth", d.youth(), false);
            if (women + men > total) {
                throw new InvalidInputException("women", "women (" + women + ") and men (" + men
                        + ") are more than the participants (" + total + ")");
            }
            if (youth > total) {
                throw new InvalidInputException("youth", "more than the participants (" + total + ")");
            }
            String summary = PlanInput.text("summary", d.summary(), PlanInput.MAX_TEXT, false);
            String id = Ids.newId();
            gate.jdbc.sql("""
                    INSERT INTO plans_consultation (id, plan_id, held_on, place, kind, organiser, participants, women,
                        men, youth, summary, created_at)
                    VALUES (:id, :p, :on, :place, :kind, :org, :total, :women, :men, :youth, :summary, :now)""")
                    .param("id", id).param("p", planId).param("on", Date.valueOf(on)).param("place", place)
                    .param("kind", kind).param("org", organiser).param("total", total).param("women", women)
                    .param("men", men).param("youth", youth).param("summary", summary).param("now", now()).update();
            insertNames("plans_consultation_organisation", "consultation_id", id, organisations);
            return id;
        });
    }

    @Override
    @Transactional
    public Counts count(Reader reader) {
        SqlPredicate visible = VisibilityFilter.visible(reader, PlanGate.OBJECT, "p.marking_id");
        String plans = "SELECT p.id FROM plans_plan p WHERE " + visible.sql();
        Counts c = new Counts(count("plans_working_group", plans, visible), count("plans_meeting", plans, visible),
                count("plans_capacity_need", plans, visible), count("plans_consultation", plans, visible));
        gate.record(AuditRecord.of(AuditAction.SEARCH, reader.userId(), reader.organisationId(), PlanGate.OBJECT,
                List.of()).withPurpose(reader.purpose()).withDetails(Map.of("view", "coordination-count",
                "workingGroups", String.valueOf(c.workingGroups()), "meetings", String.valueOf(c.meetings()),
                "needs", String.valueOf(c.needs()), "consultations", String.valueOf(c.consultations()))));
        return c;
    }

    private long count(String table, String plans, SqlPredicate visible) {
        return gate.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE plan_id IN (" + plans + ")")
                .params(visible.params()).query(Long.class).single();
    }

    // ---------------------------------------------------------------------------------------------- steps

    private interface Writing {
        String write(PlanTree.Header plan);
    }

    /** The gate (seen, coordinator, not closed), the checks and writes, then the plan touched and the audit. */
    private PlanStep<String> change(Reader reader, String planId, String step, Writing writing) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<String> refused = gate.refusal(reader, plan, step);
        if (refused != null) {
            return refused;
        }
        String id = writing.write(plan.get());
        gate.touch(reader, planId);
        gate.audit(reader, AuditAction.ALTERATION, planId, step, Map.of("part", id));
        return new PlanStep.Done<>(id);
    }

    /** Refuses a second row where {@code countSql} (parameters :a and :b) already counts one. */
    private void once(String countSql, String a, String b, String field, String problem) {
        if (gate.jdbc.sql(countSql).param("a", a).param("b", b).query(Long.class).single() > 0) {
            throw new InvalidInputException(field, problem);
        }
    }

    private static void require(Object draft) {
        if (draft == null) {
            throw new InvalidInputException("body", "required");
        }
    }

    private static List<String> names(String field, List<String> given) {
        List<String> list = given == null ? List.of() : given;
        if (list.size() > MAX_NAMES) {
            throw new InvalidInputException(field, "at most " + MAX_NAMES);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(PlanInput.text(field + "[" + i + "]", list.get(i), 300, true));
        }
        return out;
    }

    private void insertNames(String table, String column, String id, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            gate.jdbc.sql("INSERT INTO " + table + " (" + column + ", position, organisation) VALUES (:id, :i, :o)")
                    .param("id", id).param("i", i).param("o", names.get(i)).update();
        }
    }

    private Timestamp now() {
        return Timestamp.from(gate.now());
    }
}
