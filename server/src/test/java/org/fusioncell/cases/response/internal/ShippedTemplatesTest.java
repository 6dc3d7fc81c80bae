package org.fusioncell.cases.response.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The shipped templates load with every text in three languages; a wrong value is named as a field. */
class ShippedTemplatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theShippedTemplatesNameRolesChecklistsAndARhythmInThreeLanguages() {
        List<ResponseTemplate> templates = ShippedTemplates.load();
        assertThat(templates).extracting(ResponseTemplate::code).containsExactly("hostage-taking", "mass-casualty-ied");
        ResponseTemplate ied = templates.get(1);
        assertThat(ied.sitrepEveryMinutes()).isEqualTo(120);
        assertThat(ied.roles()).extracting(ResponseTemplate.Role::code).contains("incident-commander", "operations",
                "intelligence", "liaison", "public-information");
        assertThat(ied.checklists()).extracting(ResponseTemplate.Checklist::sector)
                .containsExactly("police", "health", "civil-protection", "intelligence");
        assertThat(ied.checklist("health").orElseThrow().items().getFirst().title().in("ar"))
                .isEqualTo("تفعيل خطة الإصابات الجماعية والفرز في الموقع");
    }

    @Test
    void aTextWithoutItsArabicIsNamedAsAField() {
        String json = """
                {"code": "x", "name": {"en": "X", "fr": "X", "ar": "س"}, "attackType": "armed-assault",
                 "sitrepEveryMinutes": 60, "roles": [{"code": "c", "name": {"en": "C", "fr": "C", "ar": "ق"}}],
                 "checklists": [{"sector": "police", "name": {"en": "P", "fr": "P", "ar": "ش"},
                   "items": [{"withinMinutes": 10, "title": {"en": "a", "fr": "a"}}]}]}""";
        assertThatThrownBy(() -> TemplateReading.read(JSON.readTree(json))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("checklists[0].items[0].title.ar");
    }

    @Test
    void aRhythmOutsideAQuarterHourToADayIsRefused() {
        String json = """
                {"code": "x", "name": {"en": "X", "fr": "X", "ar": "س"}, "attackType": "A", "sitrepEveryMinutes": 5}""";
        assertThatThrownBy(() -> TemplateReading.read(JSON.readTree(json))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("sitrepEveryMinutes");
    }
}
