package org.fusioncell.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Coordination and participation around a plan (docs/plans.md, "Coordination", "Participation"): working groups
 * with their meetings, decisions and follow-ups; the capacity-needs assessment with offers of support matched to
 * needs; the sectors and organisations taking part and the consultations held; and two computed views, the
 * participation summary and the donor matrix.
 */
public record Coordination(List<WorkingGroup> workingGroups, List<Need> needs, List<Offer> offers,
                           List<Participant> participants, List<Consultation> consultations,
                           Participation participation, DonorMatrix donorMatrix) {

    public record WorkingGroup(String id, String name, String kind, String chair, List<String> members,
                               List<Meeting> meetings) {
    }

    public record Meeting(String id, LocalDate heldOn, String place, List<String> participants, String minutes,
                          List<Decision> decisions) {
    }

    public record Decision(String id, String text, List<FollowUp> followUps) {
    }

    /** {@code overdue}: still open (not done or cancelled) after its due date. */
    public record FollowUp(String id, String what, String owner, LocalDate dueOn, String status, boolean overdue) {
    }

    /** {@code supportedBy}: the offers matched to the need; {@code gap}: none matched and the need is not met. */
    public record Need(String id, String institution, String areaCode, String description, String priority,
                       String status, List<Offer> supportedBy, boolean gap) {

        public Need(String id, String institution, String areaCode, String description, String priority,
                    String status, List<Offer> supportedBy) {
            this(id, institution, areaCode, description, priority, status, supportedBy,
                    supportedBy.isEmpty() && !"MET".equals(status));
        }
    }

    /** {@code amount} and {@code currency}: null when the offer is in kind. */
    public record Offer(String id, String organisation, String what, BigDecimal amount, String currency) {
    }

    public record Participant(String id, String organisation, String sector) {
    }

    public record Consultation(String id, LocalDate heldOn, String place, String kind, String organiser,
                               List<String> organisations, int participants, int women, int men, int youth,
                               int nonYouth, String summary) {

        public Consultation(String id, LocalDate heldOn, String place, String kind, String organiser,
                            List<String> organisations, int participants, int women, int men, int youth,
                            String summary) {
            this(id, heldOn, place, kind, organiser, organisations, participants, women, men, youth,
                    participants - youth, summary);
        }
    }

    /**
     * Totals over the consultations; shares are of all participants (null when nobody took part yet). Women and
     * men need not add up to the total (a sex not recorded). {@code sectors}: organisations taking part per sector.
     */
    public record Participation(int consultations, int participants, int women, int men, int youth, int nonYouth,
                                Double womenShare, Double youthShare, List<SectorCount> sectors) {
    }

    public record SectorCount(String sector, int organisations) {
    }

    /**
     * Who funds what: one row per donor, one column per priority area; a cell holds that donor's actions in that
     * area summed per currency (the plan's funding roll-up). A column's {@code funding} covers every action of the
     * area (with or without a donor): its gap is budget − funded; {@code uncovered} when no donor funds or pledges
     * anything there, {@code shared} when several donors do (the coordination overlap to discuss), beside the money
     * overlap (funded + pledged beyond budgets).
     */
    public record DonorMatrix(List<Column> columns, List<Row> rows) {

        public record Column(String areaCode, List<String> donors, List<PlanTree.Funding> funding,
                             boolean uncovered, boolean shared) {

            public Column(String areaCode, List<String> donors, List<PlanTree.Funding> funding) {
                this(areaCode, donors, funding, donors.isEmpty(), donors.size() > 1);
            }
        }

        /** {@code cells}: in the columns' order; an empty list where the donor has nothing in that area. */
        public record Row(String donor, List<List<PlanTree.Funding>> cells, List<PlanTree.Funding> total) {
        }
    }

    public List<Need> gaps() {
        return needs.stream().filter(Need::gap).toList();
    }

    public List<FollowUp> overdue() {
        return workingGroups.stream().flatMap(g -> g.meetings().stream()).flatMap(m -> m.decisions().stream())
                .flatMap(d -> d.followUps().stream()).filter(FollowUp::overdue).toList();
    }
}
