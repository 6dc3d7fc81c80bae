package org.fusioncell.plans.internal;

import static org.fusioncell.plans.internal.DemoPlan.id;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.Reader;

import org.fusioncell.plans.Drafts;
import org.fusioncell.plans.PlanCoordination;
import org.springframework.stereotype.Component;

/**
 * The demo plan's coordination and participation: the donor group and the UN country team, a donor-group meeting
 * with two decisions (one follow-up already overdue), three capacity needs of which two are matched to offers and
 * one is left as a gap, ten organisations across the sectors, and two consultations (200 people: 92 women, 80
 * youth). Written by the demo analyst through {@link PlanCoordination}, with the same checks as anyone's input.
 */
@Component
class DemoCoordination {

    private final PlanCoordination coordination;

    DemoCoordination(PlanCoordination coordination) {
        this.coordination = coordination;
    }

    void seed(Reader analyst, String plan, LocalDate today) {
        String donors = id(coordination.addWorkingGroup(analyst, plan, new Drafts.WorkingGroupDraft(
                "Groupe des partenaires techniques et financiers", "DONOR_GROUP", "Union européenne",
                List.of("Union européenne", "Coopération allemande (GIZ)", "Affaires mondiales Canada", "UNODC"))));
        id(coordination.addWorkingGroup(analyst, plan, new Drafts.WorkingGroupDraft(
                "فريق الأمم المتحدة القطري", "UN_COUNTRY_TEAM", "المنسق المقيم للأمم المتحدة",
                List.of("برنامج الأمم المتحدة الإنمائي", "هيئة الأمم المتحدة للمرأة", "UNODC", "اليونيسف"))));
        LocalDate met = today.minusDays(60);
        id(coordination.addMeeting(analyst, plan, new Drafts.MeetingDraft(donors, met.toString(), "Kandara",
                List.of("Union européenne", "Coopération allemande (GIZ)", "UNODC",
                        "Commission nationale de prévention"),
                "Revue de la matrice des bailleurs : double financement possible du volet jeunesse.",
                List.of(new Drafts.DecisionDraft("Coordonner l'Union européenne et la GIZ sur le volet jeunesse",
                                List.of(new Drafts.FollowUpDraft("Partager la matrice des bailleurs mise à jour",
                                        "Union européenne", met.plusDays(30).toString(), "OPEN"))),
                        new Drafts.DecisionDraft("Financer les cellules féminines de veille",
                                List.of(new Drafts.FollowUpDraft("Présenter un plan de financement",
                                        "Ministère de l'Action sociale", today.plusDays(60).toString(),
                                        "IN_PROGRESS")))))));

        String justice = id(coordination.addNeed(analyst, plan, new Drafts.NeedDraft("Ministère de la Justice",
                "governance-human-rights-rule-of-law", "Former les greffiers à la gestion des dossiers de terrorisme",
                "HIGH", "OPEN")));
        id(coordination.addNeed(analyst, plan, new Drafts.NeedDraft("الهيئة العليا للسمعي البصري",
                "strategic-communications", "أدوات رصد شبكات التواصل الاجتماعي بالعربية واللغات الوطنية", "HIGH",
                "OPEN")));
        String youth = id(coordination.addNeed(analyst, plan, new Drafts.NeedDraft(
                "Ministère de la Jeunesse et des Sports", "empowering-youth",
                "Méthodes d'animation des conseils locaux de jeunes", "MEDIUM", "IN_PROGRESS")));
        String unodc = id(coordination.addOffer(analyst, plan, new Drafts.OfferDraft("UNODC",
                "Module de formation judiciaire (deux sessions)", "40000", "USD")));
        String undp = id(coordination.addOffer(analyst, plan, new Drafts.OfferDraft("PNUD",
                "Un expert en participation des jeunes pendant six mois", null, null)));
        id(coordination.match(analyst, plan, justice, unodc));
        id(coordination.match(analyst, plan, youth, undp));

        for (String[] p : new String[][] {{"Ministère de l'Intérieur", "GOVERNMENT"},
                {"Ministère de la Jeunesse et des Sports", "GOVERNMENT"}, {"Réseau des femmes médiatrices",
                "WOMENS_ORGANISATIONS"}, {"رابطة أئمة تانزار", "RELIGIOUS_LEADERS"}, {"Chambre de commerce",
                "PRIVATE_SECTOR"}, {"PNUD", "UN_ENTITY"}, {"Université de Kandara", "ACADEMIA"},
                {"Radio Tanzar FM", "MEDIA"}, {"جمعية شباب من أجل السلام", "YOUTH_ORGANISATIONS"},
                {"Ligue zembaraise des droits de l'homme", "CIVIL_SOCIETY"}}) {
            id(coordination.addParticipant(analyst, plan, new Drafts.ParticipantDraft(p[0], p[1])));
        }
        id(coordination.addConsultation(analyst, plan, new Drafts.ConsultationDraft(today.minusDays(200).toString(),
                "Kandara", "NATIONAL_WORKSHOP", "Commission nationale de prévention",
                List.of("Ministère de l'Intérieur", "PNUD", "Réseau des femmes médiatrices", "Chambre de commerce"),
                120, 48, 72, 30, "Atelier national de lancement : priorités et rôle de chaque secteur.")));
        id(coordination.addConsultation(analyst, plan, new Drafts.ConsultationDraft(today.minusDays(90).toString(),
                "تانزار", "COMMUNITY_DIALOGUE", "جمعية شباب من أجل السلام",
                List.of("رابطة أئمة تانزار", "جمعية شباب من أجل السلام", "Radio Tanzar FM"), 80, 44, 36, 50,
                "حوار مجتمعي حول مشاركة الشباب والنساء في الوقاية.")));
    }

}
