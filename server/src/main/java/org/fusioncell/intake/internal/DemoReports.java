package org.fusioncell.intake.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.intake.SourceReliability;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo reports in Arabic, French and English, contributed by several agencies under different
 * markings, so that a new user sees need-to-know at work: the analyst, the police liaison and the
 * partner cell's analyst each see a different set. Fictional events, no real people.
 */
@Component
class DemoReports {

    private final Reports reports;
    private final Readers readers;

    DemoReports(Reports reports, Readers readers) {
        this.reports = reports;
        this.readers = readers;
    }

    @EventListener
    @org.springframework.core.annotation.Order(0) // before the demo data that cites these reports
    void seed(DemoIdentitySeeded seeded) {
        var org = seeded.organisations();
        var user = seeded.users();
        Instant now = Instant.now();
        contribute(user.get("analyst"), "رصد حملة تجنيد عبر الإنترنت تستهدف الشباب في الولايات الشرقية",
                "تشير المعلومات الواردة إلى نشاط حسابات على منصات التواصل الاجتماعي تنشر دعاية متطرفة وتدعو الشباب "
                        + "إلى السفر نحو منطقة الحدود. يُوصى بتعزيز الرصد المستمر وتبادل المعلومات مع الجهات المعنية.",
                now.minus(Duration.ofDays(12)), new Place("النعمة", 16.61, -7.26), SourceReliability.B, 2,
                new Marking(2, Tlp.AMBER, new Releasability(Set.of(org.get("police")), Set.of(),
                        Set.of(seeded.agreements().get("national")), Set.of()), false, Set.of(), org.get("cell")));
        contribute(user.get("analyst"), "Évaluation préliminaire : mouvements suspects près de la frontière est",
                "Des sources concordantes signalent le passage de petits groupes armés entre deux postes frontaliers. "
                        + "La fiabilité de la source humaine reste à confirmer ; recoupement demandé aux douanes.",
                now.minus(Duration.ofDays(5)), new Place("Secteur frontalier est", 15.9, -5.6), SourceReliability.C, 3,
                new Marking(3, Tlp.AMBER_STRICT, Releasability.NONE, true, Set.of("NATIONAL-ONLY"), org.get("cell")));
        contribute(user.get("liaison.police"), "Interpellation d'un individu en possession de faux documents de voyage",
                "La police a interpellé au poste de contrôle nord un individu porteur de deux passeports falsifiés. "
                        + "L'exploitation du téléphone est en cours ; résultats attendus sous 48 heures.",
                now.minus(Duration.ofDays(3)), new Place("Poste de contrôle nord", null, null), SourceReliability.A, 1,
                new Marking(1, Tlp.GREEN, Releasability.NONE, false, Set.of(), org.get("police")));
        contribute(user.get("partner.analyst"), "Cross-border logistics network supplying armed groups",
                "A logistics network moving fuel and motorcycles across the border has been observed for three months. "
                        + "The partner cell shares this report under the bilateral agreement and asks for any matching records.",
                now.minus(Duration.ofDays(8)), new Place("Border region", 15.2, -4.9), SourceReliability.B, 3,
                new Marking(1, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(seeded.agreements().get("bilateral")),
                        Set.of()), false, Set.of(), org.get("neighbour")));
        contribute(user.get("analyst"), "Synthèse publique : tendances de l'extrémisme violent au premier semestre",
                "Synthèse non classifiée destinée aux partenaires de la société civile et au monde universitaire : "
                        + "hausse des contenus de propagande en ligne, baisse des incidents dans les zones urbaines.",
                now.minus(Duration.ofDays(20)), null, SourceReliability.B, 2,
                new Marking(0, Tlp.CLEAR, Releasability.NONE, false, Set.of(), org.get("cell")));
        contribute(user.get("supervisor"), "معلومات حساسة عن مصدر بشري في منطقة الساحل",
                "تقرير مقيد بأسماء المتلقين فقط: تفاصيل التواصل مع المصدر البشري ووسائل حمايته.",
                now.minus(Duration.ofDays(1)), null, SourceReliability.A, 2,
                new Marking(3, Tlp.RED, new Releasability(Set.of(), Set.of(), Set.of(),
                        Set.of(user.get("supervisor"), user.get("analyst"))), true, Set.of(), org.get("cell")));
        contribute(user.get("analyst"), "Online recruitment content referred to a platform",
                "Three accounts shared recruitment videos attributed to a listed group; referral prepared for the platform "
                        + "under the online-content agreement.",
                now.minus(Duration.ofDays(2)), null, SourceReliability.B, 2,
                new Marking(0, Tlp.GREEN, new Releasability(Set.of(), Set.of(OrganisationType.TECHNOLOGY_PLATFORM), Set.of(),
                        Set.of()), false, Set.of(), org.get("cell")));
    }

    private void contribute(String userId, String title, String body, Instant occurred, Place place,
                            SourceReliability reliability, int credibility, Marking marking) {
        reports.contribute(readers.forUser(userId, "demo data"), new ReportDraft(title, body, occurred, place,
                new Grading(reliability, credibility), marking, LocalDate.now().plusYears(5)));
    }
}
