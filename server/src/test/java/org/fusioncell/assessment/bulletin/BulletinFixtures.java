package org.fusioncell.assessment.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.Confidence;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Subject;
import org.fusioncell.assessment.SubjectType;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Products built directly as records (the Assessments service is not needed to print one), and a composer
 * wired as the application wires it: the real {@code bulletin} message bundle, the default classification
 * scheme and the configured yardstick.
 */
final class BulletinFixtures {

    static final String ORGANISATION = "0193a000-0000-7000-8000-00000000c311";
    static final String AUTHOR = "0193a000-0000-7000-8000-0000000a0701";
    static final String APPROVER = "0193a000-0000-7000-8000-0000000a0702";
    static final Map<String, String> NAMES = Map.of(ORGANISATION, "Cellule nationale de fusion", AUTHOR, "Analyste A",
            APPROVER, "Superviseur B");

    /** From the UN Office of Counter-Terrorism's page on action plans to prevent violent extremism (shared/context). */
    static final String ARABIC_SENTENCE = "دعت الجمعية العامة، في القرار 70/291 من الاستعراض الخامس لاستراتيجية الأمم "
            + "المتحدة العالمية لمكافحة الإرهاب، الدول الأعضاء والمنظمات الإقليمية ودون الإقليمية إلى النظر في وضع "
            + "خطط عمل وطنية وإقليمية لمنع التطرف العنيف.";
    static final String ARABIC_NUMBERS = "وتهدف الخطة الوطنية إلى إشراك 38,032 شابا في برامج الوقاية بحلول عام 2026، "
            + "أي ما يعادل 45% من الفئة المستهدفة.";
    static final String FRENCH_SENTENCE = "L'Assemblée générale, dans sa résolution 70/291, invite les États membres "
            + "et les organisations régionales à élaborer des plans d'action nationaux et régionaux visant à prévenir "
            + "l'extrémisme violent.";
    static final String FRENCH_NUMBERS = "Le plan national vise à toucher 38,032 jeunes d'ici à 2026, soit 45% du "
            + "public visé.";
    static final String ENGLISH_SENTENCE = "The General Assembly, in resolution 70/291, invites Member States and "
            + "regional organizations to develop national and regional plans of action to prevent violent extremism.";
    static final String ENGLISH_NUMBERS = "The national plan aims to reach 38,032 young people by 2026, which is 45% of "
            + "the target group.";

    private BulletinFixtures() {
    }

    static AssessmentVocabulary vocabulary() {
        return new AssessmentVocabulary() {
            @Override
            public List<Term> yardstick() {
                return List.of(new Term("remote", 0, 5), new Term("unlikely", 25, 35),
                        new Term("realistic-possibility", 40, 50), new Term("likely", 55, 75),
                        new Term("almost-certain", 95, 100));
            }

            @Override
            public List<String> likelihoods() {
                return List.of("remote", "unlikely", "possible", "likely", "almost-certain");
            }

            @Override
            public List<String> impacts() {
                return List.of("minimal", "minor", "moderate", "major", "severe");
            }

            @Override
            public List<String> levels() {
                return List.of("low", "moderate", "substantial", "severe", "critical");
            }

            @Override
            public Optional<String> level(String likelihood, String impact) {
                return Optional.of("severe");
            }
        };
    }

    static BulletinComposer composer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/bulletin/messages", "i18n/assessment/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("vocabulary", vocabulary()));
        return new BulletinComposer(messages, ClassificationScheme.DEFAULT,
                beans.getBeanProvider(AssessmentVocabulary.class));
    }

    /** A disseminated SECRET // TLP:AMBER threat assessment in {@code language}, its summary repeated {@code extra} times more. */
    static Assessment assessment(String language, ProductType type, AssessmentState state, int extra) {
        String sentence = switch (language) {
            case "ar" -> ARABIC_SENTENCE;
            case "fr" -> FRENCH_SENTENCE;
            default -> ENGLISH_SENTENCE;
        };
        String numbers = switch (language) {
            case "ar" -> ARABIC_NUMBERS;
            case "fr" -> FRENCH_NUMBERS;
            default -> ENGLISH_NUMBERS;
        };
        List<Portion> summary = new ArrayList<>(List.of(new Portion(sentence, "SECRET"), new Portion(numbers, null)));
        for (int i = 0; i < extra; i++) {
            summary.add(new Portion(sentence, "RESTRICTED"));
        }
        String title = switch (language) {
            case "ar" -> "خطط العمل لمنع التطرف العنيف";
            case "fr" -> "Plans d'action pour prévenir l'extrémisme violent";
            default -> "Plans of action to prevent violent extremism";
        };
        Marking marking = new Marking(3, Tlp.AMBER, Releasability.NONE, false, Set.of(), ORGANISATION);
        Instant approved = Instant.parse("2026-03-02T09:30:00Z");
        return new Assessment("0193a000-0000-7000-8000-0000000b0001", 3, state, type, language, title,
                new Subject(SubjectType.AREA, "MR", "Mauritanie", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30)),
                summary, List.of(new KeyJudgment(sentence, "likely", "CONFIDENTIAL")), "likely", "major", "severe",
                Confidence.MODERATE, numbers,
                List.of(new EvidenceLink(EvidenceLink.Type.REPORT, "0193a000-0000-7000-8000-0000000e0001")),
                List.of(numbers), List.of(new Indicator(sentence, null)), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 5, 15), numbers, marking, AUTHOR, ORGANISATION,
                List.of(AUTHOR), APPROVER, approved, approved.plusSeconds(3600),
                state == AssessmentState.WITHDRAWN ? "Source <b>retracted</b>" : null, null, null, null, approved,
                approved);
    }
}
