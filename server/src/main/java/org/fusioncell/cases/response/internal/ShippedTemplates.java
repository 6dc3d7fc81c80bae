package org.fusioncell.cases.response.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.cases.TaskPriority;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.cases.response.ResponseTemplates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates shipped as {@code response/templates/*.json}, read and checked once at start-up: a template with a
 * text missing in one of the three languages, a duplicate role or sector, or an unknown priority stops the
 * application rather than showing a half-translated response to a cell in the middle of an attack.
 */
@Service
class ShippedTemplates implements ResponseTemplates {

    static final List<String> LANGUAGES = List.of("ar", "fr", "en");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ResponseTemplate> byCode = new LinkedHashMap<>();

    ShippedTemplates() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:response/templates/*.json");
        List<ResponseTemplate> read = new ArrayList<>();
        for (Resource r : found) {
            try (InputStream in = r.getInputStream()) {
                read.add(template(r.getFilename(), JSON.readTree(in)));
            }
        }
        read.sort(Comparator.comparing(ResponseTemplate::code));
        for (ResponseTemplate t : read) {
            if (byCode.putIfAbsent(t.code(), t) != null) {
                throw new IllegalStateException("two response templates have the code " + t.code());
            }
        }
    }

    @Override
    public List<ResponseTemplate> all() {
        return List.copyOf(byCode.values());
    }

    @Override
    public Optional<ResponseTemplate> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    static ResponseTemplate template(String file, JsonNode n) {
        String code = required(file, n, "code");
        if (!code.matches("[a-z0-9-]{1,64}")) {
            throw bad(file, "code: lower-case letters, digits and '-', at most 64");
        }
        int every = n.path("sitrepEveryMinutes").asInt(0);
        if (every < 15 || every > 24 * 60) {
            throw bad(file, "sitrepEveryMinutes: between 15 and 1440");
        }
        List<ResponseTemplate.Role> roles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode r : n.path("roles")) {
            String rc = required(file, r, "code");
            if (!seen.add(rc)) {
                throw bad(file, "role " + rc + " twice");
            }
            roles.add(new ResponseTemplate.Role(rc, text(file, r.path("name"))));
        }
        List<ResponseTemplate.Checklist> checklists = new ArrayList<>();
        seen.clear();
        for (JsonNode c : n.path("checklists")) {
            String sector = required(file, c, "sector");
            if (!seen.add(sector)) {
                throw bad(file, "checklist " + sector + " twice");
            }
            List<ResponseTemplate.Item> items = new ArrayList<>();
            for (JsonNode i : c.path("items")) {
                String priority = i.path("priority").asString("NORMAL");
                if (TaskPriority.parse(priority).isEmpty()) {
                    throw bad(file, "priority " + priority);
                }
                int within = i.path("withinMinutes").asInt(0);
                if (within < 1) {
                    throw bad(file, "withinMinutes: at least 1");
                }
                items.add(new ResponseTemplate.Item(text(file, i.path("title")), within, priority));
            }
            if (items.isEmpty()) {
                throw bad(file, "checklist " + sector + " has no item");
            }
            checklists.add(new ResponseTemplate.Checklist(sector, text(file, c.path("name")), List.copyOf(items)));
        }
        if (roles.isEmpty() || checklists.isEmpty()) {
            throw bad(file, "a template names roles and checklists");
        }
        List<ResponseTemplate.Text> prompts = new ArrayList<>();
        for (JsonNode p : n.path("pressPrompts")) {
            prompts.add(text(file, p));
        }
        return new ResponseTemplate(code, text(file, n.path("name")), required(file, n, "attackType"), every,
                List.copyOf(roles), List.copyOf(checklists), List.copyOf(prompts));
    }

    private static ResponseTemplate.Text text(String file, JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String v = n.path(language).asString("");
            if (v.isBlank() || v.length() > 300) {
                throw bad(file, "a text without its " + language + " version (or longer than 300): " + n);
            }
            out.put(language, v.strip());
        }
        return new ResponseTemplate.Text(Map.copyOf(out));
    }

    private static String required(String file, JsonNode n, String field) {
        String v = n.path(field).asString("");
        if (v.isBlank()) {
            throw bad(file, field + " is required");
        }
        return v.strip();
    }

    private static IllegalStateException bad(String file, String why) {
        return new IllegalStateException("response template " + file + ": " + why);
    }
}
