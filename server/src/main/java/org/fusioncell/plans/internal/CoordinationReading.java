package org.fusioncell.plans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.plans.Coordination;
import org.fusioncell.plans.Coordination.Consultation;
import org.fusioncell.plans.Coordination.Decision;
import org.fusioncell.plans.Coordination.FollowUp;
import org.fusioncell.plans.Coordination.Meeting;
import org.fusioncell.plans.Coordination.Need;
import org.fusioncell.plans.Coordination.Offer;
import org.fusioncell.plans.Coordination.Participant;
import org.fusioncell.plans.Coordination.WorkingGroup;
import org.fusioncell.plans.PlanTree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a plan's coordination and participation (a few dozen rows) and computes the participation summary and the
 * donor matrix on the way. The caller has already decided that the reader may see the plan.
 */
@Component
class CoordinationReading {

    private final JdbcClient jdbc;
    private final Clock clock;

    CoordinationReading(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Coordination read(String planId, List<PlanTree.Area> areas) {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<FollowUp>> followUps = PlanTrees.group(jdbc.sql("""
                SELECT id, decision_id, what, owner, due_on, status FROM plans_follow_up WHERE plan_id = :p
                ORDER BY decision_id, position""").param("p", planId).query((rs, n) -> {
                    LocalDate due = rs.getDate("due_on").toLocalDate();
                    String status = rs.getString("status");
                    return Map.entry(rs.getString("decision_id"), new FollowUp(rs.getString("id"), rs.getString("what"),
                            rs.getString("owner"), due, status, CoordinationWriting.open(status) && due.isBefore(today)));
                }).list());
        Map<String, List<Decision>> decisions = PlanTrees.group(jdbc.sql("""
                SELECT id, meeting_id, text FROM plans_decision WHERE plan_id = :p ORDER BY meeting_id, position""")
                .param("p", planId).query((rs, n) -> Map.entry(rs.getString("meeting_id"), new Decision(
                        rs.getString("id"), rs.getString("text"),
                        followUps.getOrDefault(rs.getString("id"), List.of())))).list());
        Map<String, List<String>> attended = names("""
                SELECT mp.meeting_id, mp.organisation FROM plans_meeting_participant mp
                JOIN plans_meeting m ON m.id = mp.meeting_id WHERE m.plan_id = :p ORDER BY mp.meeting_id, mp.position""",
                planId);
        Map<String, List<Meeting>> meetings = PlanTrees.group(jdbc.sql("""
                SELECT id, working_group_id, held_on, place, minutes FROM plans_meeting WHERE plan_id = :p
                ORDER BY held_on, created_at, id""").param("p", planId).query((rs, n) -> Map.entry(
                        rs.getString("working_group_id"), new Meeting(rs.getString("id"),
                                rs.getDate("held_on").toLocalDate(), rs.getString("place"),
                                attended.getOrDefault(rs.getString("id"), List.of()), rs.getString("minutes"),
                                decisions.getOrDefault(rs.getString("id"), List.of())))).list());
        Map<String, List<String>> members = names("""
                SELECT gm.working_group_id, gm.organisation FROM plans_working_group_member gm
                JOIN plans_working_group g ON g.id = gm.working_group_id WHERE g.plan_id = :p
                ORDER BY gm.working_group_id, gm.position""", planId);
        List<WorkingGroup> groups = jdbc.sql("""
                SELECT id, name, kind, chair FROM plans_working_group WHERE plan_id = :p ORDER BY created_at, id""")
                .param("p", planId).query((rs, n) -> new WorkingGroup(rs.getString("id"), rs.getString("name"),
                        rs.getString("kind"), rs.getString("chair"), members.getOrDefault(rs.getString("id"), List.of()),
                        meetings.getOrDefault(rs.getString("id"), List.of()))).list();

        List<Offer> offers = jdbc.sql("""
                SELECT id, organisation, what, amount, currency FROM plans_support_offer WHERE plan_id = :p
                ORDER BY created_at, id""").param("p", planId).query((rs, n) -> new Offer(rs.getString("id"),
                        rs.getString("organisation"), rs.getString("what"), rs.getBigDecimal("amount"),
                        rs.getString("currency"))).list();
        Map<String, Offer> offerById = new java.util.HashMap<>();
        offers.forEach(o -> offerById.put(o.id(), o));
        Map<String, List<Offer>> support = PlanTrees.group(jdbc.sql("""
                SELECT need_id, offer_id FROM plans_support_match WHERE plan_id = :p ORDER BY created_at, id""")
                .param("p", planId).query((rs, n) -> Map.entry(rs.getString("need_id"),
                        offerById.get(rs.getString("offer_id")))).list());
        List<Need> needs = jdbc.sql("""
                SELECT n.id, n.institution, a.code, n.description, n.priority, n.status FROM plans_capacity_need n
                JOIN plans_area a ON a.id = n.area_id WHERE n.plan_id = :p
                ORDER BY CASE n.priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, n.created_at, n.id""")
                .param("p", planId).query((rs, n) -> new Need(rs.getString("id"), rs.getString("institution"),
                        rs.getString("code"), rs.getString("description"), rs.getString("priority"),
                        rs.getString("status"), support.getOrDefault(rs.getString("id"), List.of()))).list();

        List<Participant> participants = jdbc.sql("""
                SELECT id, organisation, sector FROM plans_participant WHERE plan_id = :p ORDER BY created_at, id""")
                .param("p", planId).query((rs, n) -> new Participant(rs.getString("id"), rs.getString("organisation"),
                        rs.getString("sector"))).list();
        Map<String, List<String>> present = names("""
                SELECT co.consultation_id, co.organisation FROM plans_consultation_organisation co
                JOIN plans_consultation c ON c.id = co.consultation_id WHERE c.plan_id = :p
                ORDER BY co.consultation_id, co.position""", planId);
        List<Consultation> consultations = jdbc.sql("""
                SELECT * FROM plans_consultation WHERE plan_id = :p ORDER BY held_on, created_at, id""")
                .param("p", planId).query((rs, n) -> new Consultation(rs.getString("id"),
                        rs.getDate("held_on").toLocalDate(), rs.getString("place"), rs.getString("kind"),
                        rs.getString("organiser"), present.getOrDefault(rs.getString("id"), List.of()),
                        rs.getInt("participants"), rs.getInt("women"), rs.getInt("men"), rs.getInt("youth"),
                        rs.getString("summary"))).list();

        return new Coordination(groups, needs, offers, participants, consultations,
                ParticipationSummary.of(participants, consultations, org.fusioncell.plans.PlanCoordination.SECTORS),
                DonorMatrices.of(areas));
    }

    private Map<String, List<String>> names(String sql, String planId) {
        return PlanTrees.group(new ArrayList<>(jdbc.sql(sql).param("p", planId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()));
    }
}
