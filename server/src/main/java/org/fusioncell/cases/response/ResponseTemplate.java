package org.fusioncell.cases.response;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response template: data, not code (shipped as {@code response/templates/*.json}). It names the incident
 * command roles, a checklist per agency type ({@code sector}: police, health, civil-protection…), the rhythm of
 * situation reports and prompts for press lines; every text in Arabic, French and English.
 */
public record ResponseTemplate(String code, Text name, String attackType, int sitrepEveryMinutes, List<Role> roles,
                               List<Checklist> checklists, List<Text> pressPrompts) {

    /** One text in ar, fr and en. */
    public record Text(Map<String, String> byLanguage) {
        public String in(String language) {
            return byLanguage.getOrDefault(language, byLanguage.get("en"));
        }
    }

    public record Role(String code, Text name) {
    }

    /** What one kind of agency does; {@code withinMinutes}: the task's due time after the case is opened. */
    public record Checklist(String sector, Text name, List<Item> items) {
    }

    public record Item(Text title, int withinMinutes, String priority) {
    }

    public Optional<Checklist> checklist(String sector) {
        return checklists.stream().filter(c -> c.sector().equals(sector)).findFirst();
    }

    public Optional<Role> role(String roleCode) {
        return roles.stream().filter(r -> r.code().equals(roleCode)).findFirst();
    }
}
