package org.fusioncell.cases.response.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * A response template read from its JSON, every value checked and the wrong one named as a field
 * ({@code checklists[1].items[0].title.ar}): every text in Arabic, French and English, roles and sectors once each,
 * a known priority, a rhythm between a quarter of an hour and a day.
 */
final class TemplateReading {

    static final List<String> LANGUAGES = List.of("ar", "fr", "en");

    private TemplateReading() {
    }

    static ResponseTemplate read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidInputException("body", "a JSON object: the template");
        }
        String code = required(n, "code", "code");
        if (!code.matches("[a-z0-9-]{1,64}")) {
            throw new InvalidInputException("code", "lower-case letters, digits and '-', at most 64");
        }
        int every = n.path("sitrepEveryMinutes").asInt(0);
        if (every < 15 || every > 24 * 60) {
            throw new InvalidInputException("sitrepEveryMinutes", "between 15 and 1440");
        }
        List<ResponseTemplate.Role> roles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode r : n.path("roles")) {
            String field = "roles[" + i++ + "]";
            String rc = required(r, "code", field + ".code");
            if (!seen.add(rc)) {
                throw new InvalidInputException(field + ".code", "named twice");
            }
            roles.add(new ResponseTemplate.Role(rc, text(r.path("name"), field + ".name")));
        }
        List<ResponseTemplate.Checklist> checklists = new ArrayList<>();
        seen.clear();
        i = 0;
        for (JsonNode c : n.path("checklists")) {
            String field = "checklists[" + i++ + "]";
            String sector = required(c, "sector", field + ".sector");
            if (!seen.add(sector)) {
                throw new InvalidInputException(field + ".sector", "named twice");
            }
            checklists.add(new ResponseTemplate.Checklist(sector, text(c.path("name"), field + ".name"),
                    items(c.path("items"), field + ".items")));
        }
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "at least one command role");
        }
        if (checklists.isEmpty()) {
            throw new InvalidInputException("checklists", "at least one checklist");
        }
        List<ResponseTemplate.Text> prompts = new ArrayList<>();
        i = 0;
        for (JsonNode p : n.path("pressPrompts")) {
            prompts.add(text(p, "pressPrompts[" + i++ + "]"));
        }
        return new ResponseTemplate(code, text(n.path("name"), "name"), required(n, "attackType", "attackType"), every,
                List.copyOf(roles), List.copyOf(checklists), List.copyOf(prompts));
    }

    private static List<ResponseTemplate.Item> items(JsonNode list, String field) {
        List<ResponseTemplate.Item> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : list) {
            String f = field + "[" + i++ + "]";
            String priority = item.path("priority").asString("NORMAL");
            if (TaskPriority.parse(priority).isEmpty()) {
                throw new InvalidInputException(f + ".priority", "one of " + List.of(TaskPriority.values()));
            }
            int within = item.path("withinMinutes").asInt(0);
            if (within < 1 || within > 7 * 24 * 60) {
                throw new InvalidInputException(f + ".withinMinutes", "between 1 and 10080");
            }
            items.add(new ResponseTemplate.Item(text(item.path("title"), f + ".title"), within, priority));
        }
        if (items.isEmpty()) {
            throw new InvalidInputException(field, "at least one item");
        }
        return List.copyOf(items);
    }

    private static ResponseTemplate.Text text(JsonNode n, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String v = n.path(language).asString("");
            if (v.isBlank()) {
                throw new InvalidInputException(field + "." + language, "required: every text in ar, fr and en");
            }
            if (v.length() > 300) {
                throw new InvalidInputException(field + "." + language, "at most 300 characters");
            }
            out.put(language, v.strip());
        }
        return new ResponseTemplate.Text(Map.copyOf(out));
    }

    private static String required(JsonNode n, String name, String field) {
        String v = n.path(name).asString("");
        if (v.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        if (v.length() > 100) {
            throw new InvalidInputException(field, "at most 100 characters");
        }
        return v.strip();
    }
}
