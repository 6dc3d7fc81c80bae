package org.fusioncell.plans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.fusioncell.plans.Drafts;
import org.fusioncell.plans.PlanStep;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.Plans;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's national PVE plan (profile {@code dev}, first start): the demo cell's plan for a fictitious country
 * (XW, "Zembara") with an action in each of the seven priority areas, in French and Arabic, funded in CFA francs
 * and by donors in euros and dollars, each
 * with an indicator measured once (one of them with a breakdown by sex and age), so that the dashboard, the PDF
 * and the exports show real roll-ups at once; its coordination and participation come from {@link
 * DemoCoordination}. Dated relative to today, so it stays current.
 */
@Component
class DemoPlan {

    private record Line(String area, String objective, String output, String action, String lead, String partner,
                        String sector, String currency, String budget, String funded, String pledged, String donor,
                        String indicator, String unit, String baseline, String target, String measured) {
    }

    private static final List<Line> LINES = List.of(
            new Line("dialogue-conflict-prevention", "Prévenir les conflits locaux par le dialogue",
                    "Comités de médiation dans les régions frontalières", "Former 120 médiateurs communautaires",
                    "Ministère de l'Intérieur", "Réseau des femmes médiatrices", "CIVIL_SOCIETY", "XOF", "135000000",
                    "90000000", "15000000", "Union européenne", "Médiateurs formés", "personnes", "0", "120", "70"),
            new Line("governance-human-rights-rule-of-law", "تعزيز سيادة القانون في قضايا الإرهاب",
                    "قضاة ومحققون مدرَّبون على حقوق الإنسان", "تدريب 60 قاضيًا ومحققًا على المحاكمة العادلة",
                    "وزارة العدل", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "UN_ENTITY", "USD", "450000",
                    "450000", "0", "UNODC", "قضاة ومحققون مدرَّبون", "أشخاص", "0", "60", "60"),
            new Line("engaging-communities", "Associer les communautés à la prévention",
                    "Forums communautaires trimestriels", "Tenir des forums dans 15 districts",
                    "Commissariat aux droits de l'homme", "Association des imams du Tanzar", "CIVIL_SOCIETY", "XOF",
                    "60000000", "22500000", "0", "Fonds national de solidarité", "Forums tenus", "forums", "0", "60",
                    "18"),
            new Line("empowering-youth", "تعزيز مشاركة الشباب في الحياة العامة", "مجالس شبابية محلية نشطة",
                    "تكوين 400 من القادة الشباب على الحوار", "وزارة الشباب والرياضة", "جمعية شباب من أجل السلام",
                    "CIVIL_SOCIETY", "EUR", "300000", "180000", "50000", "Union européenne", "شباب مدرَّبون", "أشخاص",
                    "0", "400", "260"),
            new Line("gender-equality-women", "Renforcer le rôle des femmes dans la prévention",
                    "Cellules féminines de veille dans les quartiers", "Créer 30 cellules de veille animées par des femmes",
                    "Ministère de l'Action sociale", "ONU Femmes", "UN_ENTITY", "USD", "200000", "0", "120000", "Affaires mondiales Canada",
                    "Cellules actives", "cellules", "0", "30", "4"),
            new Line("education-skills-employment", "Améliorer l'employabilité des jeunes à risque",
                    "Centres de formation professionnelle", "Former 600 jeunes aux métiers du numérique",
                    "Ministère de l'Emploi", "Chambre de commerce", "PRIVATE_SECTOR", "EUR", "750000", "400000", "0",
                    "Coopération allemande (GIZ)", "Jeunes insérés dans l'emploi", "%", "12", "40", "19"),
            new Line("strategic-communications", "مواجهة خطاب الكراهية على الإنترنت",
                    "رصد وطني لخطاب الكراهية", "إنشاء مرصد وطني لوسائل التواصل الاجتماعي",
                    "السلطة العليا للصحافة والسمعيات البصرية", "شركة اتصالات وطنية", "PRIVATE_SECTOR", "XOF",
                    "37500000", "37500000", "0", "الخزينة العامة", "بلاغات خطاب الكراهية", "بلاغات", "80", "20", "50"));

    /** The fictitious country of the demo: a user-assigned ISO 3166 code, never a real state's. */
    static final String COUNTRY = "XW";

    private final Plans plans;
    private final Readers readers;
    private final Clock clock;
    private final DemoCoordination coordination;

    DemoPlan(Plans plans, Readers readers, Clock clock, DemoCoordination coordination) {
        this.plans = plans;
        this.readers = readers;
        this.clock = clock;
        this.coordination = coordination;
    }

    @EventListener
    void seed(DemoIdentitySeeded seeded) {
        Reader analyst = readers.forUser(seeded.users().get("analyst"), "demo data");
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.withDayOfYear(1).minusYears(1);
        PlanStep<PlanTree> created = plans.create(analyst, new Drafts.PlanDraft(
                "Stratégie nationale de prévention de l'extrémisme violent", "NATIONAL", COUNTRY, null, "2.0", "fr",
                start.toString(), start.plusYears(5).minusDays(1).toString(),
                new MarkingForm("RESTRICTED", "GREEN", null, false, List.of()), List.of()));
        if (!(created instanceof PlanStep.Done<PlanTree> done)) {
            throw new IllegalStateException("the demo plan was refused: " + created);
        }
        String plan = done.value().plan().id();
        String measuredOn = today.minusDays(30).isBefore(start) ? today.toString() : today.minusDays(30).toString();
        Map<String, String> outputs = new HashMap<>();
        for (Line l : LINES) {
            String objective = id(plans.addObjective(analyst, plan, l.area(), l.objective()));
            String output = id(plans.addOutput(analyst, plan, objective, l.output()));
            outputs.put(l.area(), output);
            // the observatory is a joint project of the national inter-agency MoU (identity's demo agreement)
            boolean joint = "strategic-communications".equals(l.area());
            String action = id(plans.addAction(analyst, plan, new Drafts.ActionDraft(output, l.action(), l.lead(),
                    List.of(new Drafts.PartnerDraft(l.partner(), l.sector())), start.plusMonths(2).toString(),
                    start.plusYears(3).toString(), l.budget(), l.currency(), l.funded(), l.pledged(), l.donor(),
                    "ONGOING", null, joint ? seeded.agreements().get("national") : null,
                    joint ? "Tableau commun de la menace" : null)));
            String indicator = id(plans.addIndicator(analyst, plan, new Drafts.IndicatorDraft(action, l.indicator(),
                    l.unit(), l.baseline(), l.target(), "QUARTERLY")));
            id(plans.addMeasurement(analyst, plan, indicator, new Drafts.MeasurementDraft(measuredOn, l.measured(),
                    null, null, null, "Rapport trimestriel de suivi / تقرير المتابعة الفصلي")));
            if ("empowering-youth".equals(l.area())) {
                id(plans.addMeasurement(analyst, plan, indicator, new Drafts.MeasurementDraft(measuredOn, "110",
                        "FEMALE", "YOUTH_15_24", "منطقة تانزار", "قوائم الحضور")));
            }
        }
        // a second donor in the youth area (not measured yet): the donor matrix shows the area shared by two donors,
        // and 30000 EUR funded and pledged beyond the action's budget as an overlap to redirect
        id(plans.addAction(analyst, plan, new Drafts.ActionDraft(outputs.get("empowering-youth"),
                "Appuyer les radios communautaires animées par des jeunes", "Ministère de la Jeunesse et des Sports",
                List.of(new Drafts.PartnerDraft("Radio Tanzar FM", "PRIVATE_SECTOR")), start.plusMonths(6).toString(),
                start.plusYears(2).toString(), "150000", "EUR", "100000", "80000", "Coopération allemande (GIZ)",
                "PLANNED", "Double financement possible avec l'Union européenne")));
        coordination.seed(analyst, plan, today);
    }

    static String id(PlanStep<String> step) {
        if (step instanceof PlanStep.Done<String> d) {
            return d.value();
        }
        throw new IllegalStateException("a part of the demo plan was refused: " + step);
    }
}
