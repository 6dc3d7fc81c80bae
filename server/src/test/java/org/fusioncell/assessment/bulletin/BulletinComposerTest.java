package org.fusioncell.assessment.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What a bulletin says: every field of the product, labelled in the bulletin's language, with portion markings where required. */
class BulletinComposerTest {

    private final BulletinComposer composer = BulletinFixtures.composer();

    @Test
    void everyFieldIsLabelledInTheBulletinsLanguage() {
        Assessment a = BulletinFixtures.assessment("fr", ProductType.THREAT_ASSESSMENT, AssessmentState.DISSEMINATED, 0);
        BulletinContent c = composer.compose(a, "fr", BulletinFixtures.NAMES);
        assertThat(c.documentId()).isEqualTo(a.id() + "-v3-fr");
        assertThat(c.banner()).isEqualTo("SECRET // TLP:AMBER");
        assertThat(text(c, "productType")).isEqualTo("Évaluation de la menace");
        assertThat(text(c, "threatLevel")).isEqualTo("Grave");
        assertThat(text(c, "likelihood")).isEqualTo("Probable");
        assertThat(text(c, "impact")).isEqualTo("Majeur");
        assertThat(text(c, "confidence")).isEqualTo("Modérée");
        assertThat(text(c, "subject")).isEqualTo("Mauritanie");
        assertThat(text(c, "subjectType")).isEqualTo("Zone");
        assertThat(text(c, "period")).isEqualTo("du 1 mars 2026 au 30 juin 2026");
        assertThat(text(c, "author")).isEqualTo("Analyste A");
        assertThat(text(c, "approvedBy")).isEqualTo("Superviseur B");
        assertThat(text(c, "organisation")).isEqualTo("Cellule nationale de fusion");
        assertThat(text(c, "disseminatedAt")).isEqualTo("2 mars 2026 à 10:30 UTC");
        assertThat(text(c, "state")).isEqualTo("Diffusé");
        assertThat(c.field(BulletinContent.NOTICE)).as("no notice on a disseminated product").isNull();
        BulletinField.Portions judgments = (BulletinField.Portions) c.field("keyJudgments");
        assertThat(judgments.numbered()).isTrue();
        assertThat(judgments.items().getFirst().mark()).isEqualTo("(C)");
        assertThat(judgments.items().getFirst().text()).endsWith("[Probable : de 55 % à 75 %]");
        BulletinField.Portions evidence = (BulletinField.Portions) c.field("evidence");
        assertThat(evidence.items().getFirst().text()).isEqualTo("Rapport 0193a000-0000-7000-8000-0000000e0001");
        assertThat(c.fields().keySet()).containsAll(BulletinTemplate.FIELDS.stream()
                .filter(f -> !f.equals("documentId")).toList());
    }

    @Test
    void portionsAreMarkedWithTheirOwnLevelOrTheProductsAndNotAtAllInAnUnclassifiedProduct() {
        Assessment secret = BulletinFixtures.assessment("en", ProductType.SITUATION_REPORT, AssessmentState.DISSEMINATED, 1);
        BulletinField.Portions summary = (BulletinField.Portions) composer.compose(secret, "en", Map.of()).field("summary");
        assertThat(summary.items()).extracting(BulletinField.Marked::mark).containsExactly("(S)", "(S)", "(R)");
        assertThat(((BulletinField.Portions) composer.compose(secret, "en", Map.of()).field("publicSummary")).items()
                .getFirst().mark()).isEqualTo("(U)");

        Assessment unclassified = withMarking(secret, new Marking(0, Tlp.CLEAR, Releasability.NONE, false, Set.of(),
                BulletinFixtures.ORGANISATION));
        BulletinContent c = composer.compose(unclassified, "en", Map.of());
        assertThat(((BulletinField.Portions) c.field("summary")).items()).extracting(BulletinField.Marked::mark)
                .containsOnlyNulls();
        assertThat(c.banner()).isEqualTo("UNCLASSIFIED // TLP:CLEAR");
        assertThat(text(c, "author")).as("an id without a name prints as the id").isEqualTo(BulletinFixtures.AUTHOR);

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/bulletin/messages", "i18n/assessment/messages");
        messages.setDefaultEncoding("UTF-8");
        BulletinComposer national = new BulletinComposer(messages,
                new ClassificationScheme(List.of("PUBLIC", "DIFFUSION RESTREINTE", "SECRET")),
                new StaticListableBeanFactory().getBeanProvider(AssessmentVocabulary.class));
        Assessment french = withSummary(withMarking(secret, new Marking(2, Tlp.AMBER, Releasability.NONE, false,
                Set.of(), BulletinFixtures.ORGANISATION)), List.of(new Portion("Texte", "DIFFUSION RESTREINTE")));
        BulletinContent nationalContent = national.compose(french, "fr", Map.of());
        assertThat(((BulletinField.Portions) nationalContent.field("summary")).items().getFirst().mark())
                .isEqualTo("(DIFFUSION RESTREINTE)");
        assertThat(((BulletinField.Portions) nationalContent.field("keyJudgments")).items().getFirst().text())
                .as("without a vocabulary the band is left out").endsWith("[Probable]");
        assertThat(text(nationalContent, "threatLevel")).isEqualTo("Grave");
    }

    @Test
    void withdrawnSupersededAndDraftProductsCarryTheirNoticeAndAnUnknownLanguageIsRefused() {
        Assessment withdrawn = BulletinFixtures.assessment("ar", ProductType.PARTNER_ALERT, AssessmentState.WITHDRAWN, 0);
        assertThat(text(composer.compose(withdrawn, "ar", Map.of()), BulletinContent.NOTICE))
                .startsWith("مسحوب: سُحب هذا المنتج").endsWith("السبب: Source <b>retracted</b>");
        Assessment draft = BulletinFixtures.assessment("en", ProductType.PARTNER_ALERT, AssessmentState.DRAFT, 0);
        assertThat(text(composer.compose(draft, "en", Map.of()), BulletinContent.NOTICE)).startsWith("DRAFT:");
        assertThatThrownBy(() -> composer.compose(draft, "de", Map.of())).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lang"));
    }

    private static String text(BulletinContent c, String field) {
        return ((BulletinField.Text) c.field(field)).value();
    }

    private static Assessment withMarking(Assessment a, Marking m) {
        return new Assessment(a.id(), a.version(), a.state(), a.productType(), a.language(), a.title(), a.subject(),
                a.summary(), a.keyJudgments(), a.likelihood(), a.impact(), a.threatLevel(), a.confidence(),
                a.confidenceReasons(), a.evidence(), a.assumptions(), a.indicators(), a.validFrom(), a.validUntil(),
                a.reviewBy(), a.publicSummary(), m, a.authorUserId(), a.organisationId(), a.contributors(),
                a.approvedBy(), a.approvedAt(), a.disseminatedAt(), a.withdrawalReason(), a.supersedes(),
                a.supersededBy(), a.sanitisedFrom(), a.createdAt(), a.updatedAt());
    }

    private static Assessment withSummary(Assessment a, List<Portion> summary) {
        return new Assessment(a.id(), a.version(), a.state(), a.productType(), a.language(), a.title(), a.subject(),
                summary, a.keyJudgments(), a.likelihood(), a.impact(), a.threatLevel(), a.confidence(),
                a.confidenceReasons(), a.evidence(), a.assumptions(), a.indicators(), a.validFrom(), a.validUntil(),
                a.reviewBy(), a.publicSummary(), a.marking(), a.authorUserId(), a.organisationId(), a.contributors(),
                a.approvedBy(), a.approvedAt(), a.disseminatedAt(), a.withdrawalReason(), a.supersedes(),
                a.supersededBy(), a.sanitisedFrom(), a.createdAt(), a.updatedAt());
    }
}
