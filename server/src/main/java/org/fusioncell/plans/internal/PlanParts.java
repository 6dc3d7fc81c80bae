package org.fusioncell.plans.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.identity.AgreementSummary;
import org.fusioncell.identity.Agreements;
import org.fusioncell.plans.Drafts.ActionDraft;
import org.fusioncell.plans.Drafts.IndicatorDraft;
import org.fusioncell.plans.Drafts.MeasurementDraft;
import org.fusioncell.plans.Drafts.PartnerDraft;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The parts of a plan: objectives under a priority area, outputs under an objective, actions under an output,
 * indicators on an action and their measurements. Every value is checked before anything is written; each change
 * counts as the plan's last change (for the four-eyes rule) and is audited.
 */
@Component
class PlanParts {

    static final List<String> PARTNER_SECTORS = List.of("GOVERNMENT", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "UN_ENTITY");
    static final List<String> ACTION_STATUSES = List.of("PLANNED", "ONGOING", "DELAYED", "COMPLETED", "CANCELLED");
    static final List<String> FREQUENCIES = List.of("MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL");
    static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER_UNKNOWN");
    /** Youth is 15–24 as in UN statistics (UN DESA); the other bands complete the population. */
    static final List<String> AGE_GROUPS = List.of("UNDER_15", "YOUTH_15_24", "ADULT_25_64", "OVER_64");
    private static final int MAX_PARTNERS = 30;

    private final PlanGate gate;
    private final Agreements agreements;

    PlanParts(PlanGate gate, Agreements agreements) {
        this.gate = gate;
        this.agreements = agreements;
    }

    PlanStep<String> objective(Reader reader, String planId, String areaCode, String title) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<String> refused = gate.refusal(reader, plan, "objective");
        if (refused != null) {
            return refused;
        }
        String t = PlanInput.text("title", title, PlanInput.MAX_TITLE, true);
        String area = gate.jdbc.sql("SELECT id FROM plans_area WHERE plan_id = :p AND code = :c")
                .param("p", planId).param("c", areaCode == null ? "" : areaCode.strip()).query(String.class)
                .optional().orElseThrow(() -> new InvalidInputException("areaCode", "no such priority area in this plan"));
        String id = Ids.newId();
        gate.jdbc.sql("INSERT INTO plans_objective (id, plan_id, area_id, title, created_at) VALUES (:id, :p, :a, :t, :now)")
                .param("id", id).param("p", planId).param("a", area).param("t", t)
                .param("now", Timestamp.from(gate.now())).update();
        return done(reader, planId, "objective", id);
    }

    PlanStep<String> output(Reader reader, String planId, String objectiveId, String title) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<String> refused = gate.refusal(reader, plan, "output");
        if (refused != null) {
            return refused;
        }
        String t = PlanInput.text("title", title, PlanInput.MAX_TITLE, true);
        gate.requirePart("plans_objective", "objectiveId", planId, objectiveId);
        String id = Ids.newId();
        gate.jdbc.sql("INSERT INTO plans_output (id, plan_id, objective_id, title, created_at) VALUES (:id, :p, :o, :t, :now)")
                .param("id", id).param("p", planId).param("o", objectiveId).param("t", t)
                .param("now", Timestamp.from(gate.now())).update();
        return done(reader, planId, "output", id);
    }

    PlanStep<String> action(Reader reader, String planId, ActionDraft d) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<String> refused = gate.refusal(reader, plan, "action");
        if (refused != null) {
            return refused;
        }
        if (d == null) {
            throw new InvalidInputException("body", "required");
        }
        PlanTree.Header h = plan.get();
        gate.requirePart("plans_output", "outputId", planId, d.outputId());
        String title = PlanInput.text("title", d.title(), PlanInput.MAX_TITLE, true);
        String lead = PlanInput.text("leadBody", d.leadBody(), 300, true);
        LocalDate start = PlanInput.date("startDate", d.startDate());
        LocalDate end = PlanInput.date("endDate", d.endDate());
        PlanInput.within("startDate", start, h.periodStart(), h.periodEnd());
        PlanInput.within("endDate", end, h.periodStart(), h.periodEnd());
        if (end.isBefore(start)) {
            throw new InvalidInputException("endDate", "before startDate");
        }
        Currency currency = PlanInput.currency(d.currency());
        BigDecimal budget = PlanInput.amount("budget", d.budget(), currency, true);
        BigDecimal funded = PlanInput.amount("funded", d.funded(), currency, false);
        BigDecimal pledged = PlanInput.amount("pledged", d.pledged(), currency, false);
        if (funded.compareTo(budget) > 0) {
            throw new InvalidInputException("funded", "more than the budget; raise the budget first");
        }
        String donor = PlanInput.text("donor", d.donor(), 300, false);
        if (donor == null && (funded.signum() > 0 || pledged.signum() > 0)) {
            throw new InvalidInputException("donor", "is required when the action is funded or pledged");
        }
        String status = PlanInput.choice("status", d.status(), ACTION_STATUSES, "PLANNED");
        String risks = PlanInput.text("risks", d.risks(), PlanInput.MAX_TEXT, false);
        List<PartnerDraft> partners = d.partners() == null ? List.of() : d.partners();
        if (partners.size() > MAX_PARTNERS) {
            throw new InvalidInputException("partners", "at most " + MAX_PARTNERS);
        }
        List<String[]> checked = new java.util.ArrayList<>();
        for (int i = 0; i < partners.size(); i++) {
            PartnerDraft p = partners.get(i);
            String f = "partners[" + i + "]";
            checked.add(new String[] {PlanInput.text(f + ".name", p == null ? null : p.name(), 300, true),
                    PlanInput.choice(f + ".sector", p == null ? null : p.sector(), PARTNER_SECTORS, null)});
        }
        AgreementSummary agreement = agreement(h.ownerOrganisationId(), d.agreementId());
        String jointProject = PlanInput.text("jointProject", d.jointProject(), 300, false);
        if (jointProject != null && (agreement == null || !agreement.jointProjects().contains(jointProject))) {
            throw new InvalidInputException("jointProject", agreement == null ? "needs an agreementId"
                    : "not a joint project of the agreement; one of " + agreement.jointProjects());
        }
        String id = Ids.newId();
        gate.jdbc.sql("""
                INSERT INTO plans_action (id, plan_id, output_id, title, lead_body, start_date, end_date, budget,
                    currency, funded, pledged, donor, status, risks, agreement_id, joint_project, created_at)
                VALUES (:id, :p, :o, :t, :lead, :start, :end, :budget, :cur, :funded, :pledged, :donor, :status,
                    :risks, :agreement, :project, :now)""")
                .param("agreement", agreement == null ? null : agreement.id()).param("project", jointProject)
                .param("id", id).param("p", planId).param("o", d.outputId()).param("t", title).param("lead", lead)
                .param("start", Date.valueOf(start)).param("end", Date.valueOf(end)).param("budget", budget)
                .param("cur", currency.getCurrencyCode()).param("funded", funded).param("pledged", pledged)
                .param("donor", donor).param("status", status).param("risks", risks)
                .param("now", Timestamp.from(gate.now())).update();
        for (int i = 0; i < checked.size(); i++) {
            gate.jdbc.sql("INSERT INTO plans_action_partner (action_id, position, name, sector) VALUES (:a, :i, :n, :s)")
                    .param("a", id).param("i", i).param("n", checked.get(i)[0]).param("s", checked.get(i)[1]).update();
        }
        return done(reader, planId, "action", id);
    }

    /**
     * The agreement an action is a joint project under: one the plan's owner organisation is a party to (an
     * agreement between others is answered as an unknown one).
     */
    private AgreementSummary agreement(String owner, String agreementId) {
        if (agreementId == null || agreementId.isBlank()) {
            return null;
        }
        return agreements.find(agreementId.strip()).filter(a -> a.parties().contains(owner))
                .orElseThrow(() -> new InvalidInputException("agreementId",
                        "no agreement of the plan's owner organisation has this id"));
    }

    PlanStep<String> indicator(Reader reader, String planId, IndicatorDraft d) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<String> refused = gate.refusal(reader, plan, "indicator");
        if (refused != null) {
            return refused;
        }
        if (d == null) {
            throw new InvalidInputException("body", "required");
        }
        gate.requirePart("plans_action", "actionId", planId, d.actionId());
        String name = PlanInput.text("name", d.name(), PlanInput.MAX_TITLE, true);
        String unit = PlanInput.text("unit", d.unit(), 60, true);
        BigDecimal baseline = PlanInput.decimal("baseline", d.baseline());
        BigDecimal target = PlanInput.decimal("target", d.target());
        if (target.compareTo(baseline) == 0) {
            throw new InvalidInputException("target", "equal to the baseline: progress towards it cannot be measured");
        }
        String frequency = PlanInput.choice("frequency", d.frequency(), FREQUENCIES, null);
        String id = Ids.newId();
        gate.jdbc.sql("""
                INSERT INTO plans_indicator (id, plan_id, action_id, name, unit, baseline, target, frequency, created_at)
                VALUES (:id, :p, :a, :n, :u, :b, :t, :f, :now)""")
                .param("id", id).param("p", planId).param("a", d.actionId()).param("n", name).param("u", unit)
                .param("b", baseline).param("t", target).param("f", frequency)
                .param("now", Timestamp.from(gate.now())).update();
        return done(reader, planId, "indicator", id);
    }

    PlanStep<String> measurement(Reader reader, String planId, String indicatorId, MeasurementDraft d) {
        Optional<PlanTree.Header> plan = gate.visible(reader, planId);
        PlanStep<String> refused = gate.refusal(reader, plan, "measurement");
        if (refused != null) {
            return refused;
        }
        if (!gate.part("plans_indicator", planId, indicatorId)) {
            return new PlanStep.Unknown<>();
        }
        if (d == null) {
            throw new InvalidInputException("body", "required");
        }
        PlanTree.Header h = plan.get();
        LocalDate on = PlanInput.date("measuredOn", d.measuredOn());
        PlanInput.within("measuredOn", on, h.periodStart(), h.periodEnd());
        if (on.isAfter(LocalDate.ofInstant(gate.now(), java.time.ZoneOffset.UTC))) {
            throw new InvalidInputException("measuredOn", "in the future");
        }
        BigDecimal value = PlanInput.decimal("value", d.value());
        String sex = d.sex() == null || d.sex().isBlank() ? null : PlanInput.choice("sex", d.sex(), SEXES, null);
        String age = d.ageGroup() == null || d.ageGroup().isBlank() ? null
                : PlanInput.choice("ageGroup", d.ageGroup(), AGE_GROUPS, null);
        String area = PlanInput.text("area", d.area(), 200, false);
        String evidence = PlanInput.text("evidence", d.evidence(), 2000, true);
        String id = Ids.newId();
        gate.jdbc.sql("""
                INSERT INTO plans_measurement (id, plan_id, indicator_id, measured_on, measured, sex, age_group, area,
                    evidence, recorded_by, recorded_at)
                VALUES (:id, :p, :i, :on, :v, :sex, :age, :area, :ev, :user, :now)""")
                .param("id", id).param("p", planId).param("i", indicatorId).param("on", Date.valueOf(on))
                .param("v", value).param("sex", sex).param("age", age).param("area", area).param("ev", evidence)
                .param("user", reader.userId()).param("now", Timestamp.from(gate.now())).update();
        return done(reader, planId, "measurement", id);
    }

    private PlanStep<String> done(Reader reader, String planId, String step, String id) {
        gate.touch(reader, planId);
        gate.audit(reader, AuditAction.ALTERATION, planId, step, Map.of("part", id));
        return new PlanStep.Done<>(id);
    }
}
