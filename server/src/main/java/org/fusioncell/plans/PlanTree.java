package org.fusioncell.plans;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A plan as its reader sees it: the header, the priority areas with their objectives, outputs, actions and
 * indicators, progress at every level and funding per currency. {@code progress} is a ratio in [0, 1], or null
 * when nothing under the element has been measured yet (docs/plans.md, "Progress"). {@code coordination}: working
 * groups, capacity needs, participation and the donor matrix.
 */
public record PlanTree(Header plan, List<Area> areas, Double progress, List<Funding> funding,
                       Coordination coordination) {

    public record Header(String id, String title, String scope, String country, String region, String versionLabel,
                         PlanStatus status, String language, LocalDate periodStart, LocalDate periodEnd,
                         String ownerOrganisationId, String createdBy, String lastChangedBy, Marking marking,
                         int version, Instant createdAt, Instant updatedAt) {

        /**
         * ISO 3166-1 user-assigned codes (AA, QM–QZ, XA–XZ, ZZ): never given to a real country; used for a
         * fictitious or training country (the demo plan's XW).
         */
        public static final java.util.regex.Pattern USER_ASSIGNED_COUNTRY =
                java.util.regex.Pattern.compile("AA|Q[M-Z]|X[A-Z]|ZZ");

        public boolean fictitiousCountry() {
            return USER_ASSIGNED_COUNTRY.matcher(country).matches();
        }
    }

    public record Area(String id, String code, String labelAr, String labelFr, String labelEn,
                       List<Objective> objectives, Double progress, List<Funding> funding) {

        public String label(String language) {
            return switch (language) {
                case "ar" -> labelAr;
                case "fr" -> labelFr;
                default -> labelEn;
            };
        }
    }

    public record Objective(String id, String title, List<Output> outputs, Double progress) {
    }

    public record Output(String id, String title, List<Action> actions, Double progress) {
    }

    public record Partner(String name, String sector) {
    }

    public record Action(String id, String title, String leadBody, List<Partner> partners, LocalDate startDate,
                         LocalDate endDate, BigDecimal budget, String currency, BigDecimal funded, BigDecimal pledged,
                         BigDecimal gap, String donor, String status, String risks, Agreement agreement,
                         List<Indicator> indicators, Double progress) {

        /**
         * Funded and pledged together beyond the budget: money promised twice over (a donor overlap) that the
         * coordinators should redirect; zero otherwise.
         */
        public BigDecimal overlap() {
            return funded.add(pledged).subtract(budget).max(BigDecimal.ZERO);
        }

        /** Funded (wholly or in part): what an IATI export reports. */
        public boolean isFunded() {
            return funded.signum() > 0;
        }
    }

    /**
     * The agreement (an MoU of the identity module) under which the action is a joint project; {@code title} and
     * {@code kind} as identity holds them (null if the agreement was removed), {@code jointProject} may be null.
     */
    public record Agreement(String id, String title, String kind, String jointProject) {
    }

    public record Indicator(String id, String name, String unit, BigDecimal baseline, BigDecimal target,
                            String frequency, Measurement latest, List<Measurement> measurements, Double progress) {

        public boolean decreasing() {
            return target.compareTo(baseline) < 0;
        }
    }

    /** {@code sex}, {@code ageGroup}, {@code area}: null on the indicator's total. */
    public record Measurement(String id, LocalDate measuredOn, BigDecimal value, String sex, String ageGroup,
                              String area, String evidence) {

        public boolean total() {
            return sex == null && ageGroup == null && area == null;
        }
    }

    /**
     * Sums over actions in one currency; {@code gap} = budget − funded (pledges are shown apart, not counted);
     * {@code overlap}: the sum of the actions' overlaps (funded + pledged beyond their budget).
     */
    public record Funding(String currency, BigDecimal budget, BigDecimal funded, BigDecimal pledged, BigDecimal gap,
                          BigDecimal overlap, int actions) {
    }

    public Area area(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }

    public List<Action> actions() {
        return areas.stream().flatMap(a -> a.objectives().stream()).flatMap(o -> o.outputs().stream())
                .flatMap(o -> o.actions().stream()).toList();
    }
}
