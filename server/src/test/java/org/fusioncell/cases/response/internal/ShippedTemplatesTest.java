package org.fusioncell.cases.response.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusioncell.cases.response.ResponseTemplate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The shipped templates load with every text in three languages; a half-translated template stops start-up. */
class ShippedTemplatesTest {

    @Test
    void theShippedTemplatesNameRolesChecklistsAndARhythmInThreeLanguages() throws Exception {
        ShippedTemplates templates = new ShippedTemplates();
        assertThat(templates.all()).extracting(ResponseTemplate::code)
                .containsExactly("hostage-taking", "mass-casualty-ied");
        ResponseTemplate ied = templates.find("mass-casualty-ied").orElseThrow();
        assertThat(ied.sitrepEveryMinutes()).isEqualTo(120);
        assertThat(ied.roles()).extracting(ResponseTemplate.Role::code).contains("incident-commander", "operations",
                "intelligence", "liaison", "public-information");
        assertThat(ied.checklists()).extracting(ResponseTemplate.Checklist::sector)
                .containsExactly("police", "health", "civil-protection", "intelligence");
        assertThat(ied.checklist("health").orElseThrow().items().getFirst().title().in("ar"))
                .isEqualTo("تفعيل خطة الإصابات الجماعية والفرز في الموقع");
        assertThat(templates.find("flood")).isEmpty();
    }

    @Test
    void aTemplateWithoutItsArabicTextIsRefused() {
        String json = """
                {"code": "x", "name": {"en": "X", "fr": "X"}, "attackType": "ARMED_ASSAULT", "sitrepEveryMinutes": 60,
                 "roles": [{"code": "c", "name": {"en": "C", "fr": "C", "ar": "ق"}}],
                 "checklists": [{"sector": "police", "name": {"en": "P", "fr": "P", "ar": "ش"},
                   "items": [{"withinMinutes": 10, "title": {"en": "a", "fr": "a", "ar": "أ"}}]}]}""";
        assertThatThrownBy(() -> ShippedTemplates.template("x.json", JsonMapper.builder().build().readTree(json)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ar");
    }

    @Test
    void aRhythmOutsideAQuarterHourToADayIsRefused() {
        String json = """
                {"code": "x", "name": {"en": "X", "fr": "X", "ar": "س"}, "attackType": "A", "sitrepEveryMinutes": 5}""";
        assertThatThrownBy(() -> ShippedTemplates.template("x.json", JsonMapper.builder().build().readTree(json)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sitrepEveryMinutes");
    }
}
