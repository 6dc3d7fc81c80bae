package org.fusioncell.assessment.internal;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.AssessmentDraft;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.Step;
import org.fusioncell.assessment.Subject;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.fusioncell.intake.ReportSummary;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.PageRequest;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's products (profile {@code dev}, first start): an Arabic threat assessment of Mauritania's
 * eastern regions written by the analyst, reviewed, approved and disseminated by the supervisor to the
 * police liaison (it sets the area's threat level), and a French situation report waiting in review for
 * the supervisor to approve. Fictional content.
 */
@Component
class DemoAssessments {

    private final Assessments assessments;
    private final Reports reports;
    private final Readers readers;

    DemoAssessments(Assessments assessments, Reports reports, Readers readers) {
        this.assessments = assessments;
        this.reports = reports;
        this.readers = readers;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE) // after the demo reports it cites
    void seed(DemoIdentitySeeded seeded) {
        Reader analyst = readers.forUser(seeded.users().get("analyst"), "demo data");
        Reader supervisor = readers.forUser(seeded.users().get("supervisor"), "demo data");
        List<EvidenceLink> evidence = reports.list(analyst, "حملة تجنيد", PageRequest.of(0, 5)).items().stream()
                .map(ReportSummary::id).map(id -> new EvidenceLink(EvidenceLink.Type.REPORT, id)).toList();
        MarkingForm marking = new MarkingForm("CONFIDENTIAL", "AMBER", new MarkingForm.ReleasabilityForm(
                List.of(seeded.organisations().get("police")), List.of(), List.of(seeded.agreements().get("national")),
                List.of()), false, List.of());
        var assessment = assessments.draft(analyst, new AssessmentDraft("THREAT_ASSESSMENT", "ar",
                "تقييم التهديد: التجنيد عبر الإنترنت في الولايات الشرقية",
                new Subject(SubjectType.AREA, "MR", "موريتانيا", null, null),
                List.of(new Portion("تشير التقارير الواردة خلال الأسابيع الأربعة الماضية إلى تزايد نشاط حسابات تنشر دعاية "
                                + "متطرفة وتستهدف الشباب في الولايات الشرقية، مع دعوات إلى السفر نحو منطقة الحدود.", null),
                        new Portion("لم تُسجَّل حتى الآن أي حالة سفر مؤكدة، غير أن ثلاثة بلاغات من الشرطة تتعلق بوثائق "
                                + "سفر مزورة قد تكون مرتبطة بهذه الشبكة.", "RESTRICTED")),
                List.of(new KeyJudgment("من المرجح أن تستمر حملة التجنيد عبر الإنترنت خلال الأشهر الثلاثة المقبلة.",
                                "likely", null),
                        new KeyJudgment("من غير المرجح أن تنفّذ الشبكة هجوماً داخل البلاد في عام 2026.", "unlikely",
                                "RESTRICTED")),
                "likely", "moderate", "MODERATE", "مصدران مستقلان، أحدهما لم يُؤكَّد بعد.", evidence,
                List.of("تبقى المنصات قادرة على إزالة المحتوى المبلَّغ عنه خلال 48 ساعة."),
                List.of(new Indicator("قافلة", null), new Indicator("ارتفاع عدد الحسابات الجديدة التي تنشر الدعاية", null)),
                LocalDate.now(), LocalDate.now().plusMonths(3), LocalDate.now().plusMonths(1),
                "مستوى التهديد في موريتانيا كبير: يُرجى الإبلاغ عن أي محتوى يدعو إلى العنف.", marking, null));
        assessments.submit(analyst, assessment.id());
        assessments.comment(supervisor, assessment.id(), "الحكم الثاني يحتاج إلى مصدر إضافي، لكنه مقبول.", "keyJudgments[1]");
        assessments.approve(supervisor, assessment.id(), "موافق");
        Step sent = assessments.disseminate(supervisor, assessment.id(), List.of(seeded.users().get("liaison.police")),
                List.of());
        if (!(sent instanceof Step.Done)) {
            throw new IllegalStateException("demo assessment not disseminated: " + sent);
        }
        var sitrep = assessments.draft(analyst, new AssessmentDraft("SITUATION_REPORT", "fr",
                "Point de situation : frontière est, semaine 47",
                new Subject(SubjectType.EVENT, null, "Mouvements près de la frontière est", LocalDate.now().minusDays(7),
                        LocalDate.now()),
                List.of(new Portion("Deux petits groupes armés ont franchi la frontière entre les postes 12 et 14. "
                        + "Les douanes ont été sollicitées pour recoupement.", null)),
                List.of(), null, null, null, null, evidence, List.of(), List.of(), LocalDate.now(),
                LocalDate.now().plusDays(7), null, null, marking, null));
        assessments.submit(analyst, sitrep.id());
    }
}
