package org.fusioncell.assessment.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fusioncell.assessment.ProductType;
import org.junit.jupiter.api.Test;

/** The template language: the shipped defaults read, and a template naming what is not known is refused with its line. */
class BulletinTemplateTest {

    @Test
    void everyDefaultTemplateReadsAndEachProductHasItsOwnSections() {
        for (ProductType type : ProductType.values()) {
            for (String language : List.of("ar", "fr", "en")) {
                BulletinTemplate t = BulletinTemplates.defaultTemplate(type, language);
                assertThat(t.fieldsUsed()).as(type + " " + language).contains("title", "summary", "documentId");
                assertThat(t.sections()).as(type + " " + language).isNotEmpty();
            }
        }
        BulletinTemplate assessment = BulletinTemplates.defaultTemplate(ProductType.THREAT_ASSESSMENT, "fr");
        BulletinTemplate situation = BulletinTemplates.defaultTemplate(ProductType.SITUATION_REPORT, "fr");
        BulletinTemplate alert = BulletinTemplates.defaultTemplate(ProductType.PARTNER_ALERT, "ar");
        assertThat(assessment.fieldsUsed()).contains("likelihood", "impact", "keyJudgments", "assumptions");
        assertThat(situation.fieldsUsed()).as("a situation report has no matrix section")
                .doesNotContain("likelihood", "impact").contains("keyJudgments");
        assertThat(alert.sections().size()).as("a partner alert is short").isLessThan(situation.sections().size());
        assertThat(assessment.source()).contains("# Jugements clés");
        assertThat(alert.source()).contains("# التنبيه");
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheFieldAndTheLine() {
        String source = "{{title}}\n\n# Summary\n{{summary}}\nRisk score: {{riskScore}}\n";
        assertThatThrownBy(() -> BulletinTemplate.parse(source)).isInstanceOfSatisfying(InvalidTemplateException.class,
                e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.templateField()).isEqualTo("riskScore");
                    assertThat(e.field()).isEqualTo("source");
                    assertThat(e.getMessage()).contains("line 5", "{{riskScore}}", "unknown field");
                });
    }

    @Test
    void malformedTemplatesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> BulletinTemplate.parse("{{title}}\n# Summary\nSee {{summary}} below\n"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.templateField()).isEqualTo("summary");
                    assertThat(e.problem()).contains("block field");
                });
        assertThatThrownBy(() -> BulletinTemplate.parse("{{title}}\n\nLevel: {{threatLevel\n"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).contains("not closed");
                });
        assertThatThrownBy(() -> BulletinTemplate.parse("{{ threat-level }}\n"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> assertThat(e.templateField())
                        .isEqualTo("threat-level"));
        assertThatThrownBy(() -> BulletinTemplate.parse("  \n\n")).isInstanceOfSatisfying(InvalidTemplateException.class,
                e -> assertThat(e.problem()).contains("empty"));
        assertThatThrownBy(() -> BulletinTemplate.parse("\n\nBulletin of {{organisation}}\n{{summary}}"))
                .isInstanceOfSatisfying(InvalidTemplateException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.templateField()).isEqualTo("title");
                });
        assertThatThrownBy(() -> BulletinTemplate.parse("# {{title}}\n")).isInstanceOfSatisfying(
                InvalidTemplateException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> BulletinTemplate.parse("{{title}}\n" + "x".repeat(BulletinTemplate.MAX_LENGTH)))
                .isInstanceOf(InvalidTemplateException.class);
    }

    @Test
    void linesAndSectionsWhoseFieldsAreEmptyAreLeftOut() {
        BulletinTemplate t = BulletinTemplate.parse("""
                {{title}}
                Level: {{threatLevel}}
                Replaces {{supersedes}}.
                # Indicators
                Watch for:
                {{indicators}}
                # Validity
                From {{validFrom}} to {{validUntil}}
                """);
        BulletinContent c = new BulletinContent("d-1", ProductType.PARTNER_ALERT, "en", "RESTRICTED // TLP:GREEN",
                java.util.Map.of("title", new BulletinField.Text("Alert"), "threatLevel", new BulletinField.Text("Severe"),
                        "indicators", new BulletinField.Portions(List.of(), true),
                        "validFrom", new BulletinField.Text("1 March 2026")));
        List<BulletinLayout.Block> blocks = BulletinLayout.blocks(t, c);
        assertThat(blocks).containsExactly(new BulletinLayout.Title("Alert"),
                new BulletinLayout.Paragraph(null, null, "Level: Severe"),
                new BulletinLayout.Heading("Validity"),
                new BulletinLayout.Paragraph(null, null, "From 1 March 2026 to —"));
    }
}
