package org.fusioncell.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one OpenAPI 3.1 description of {@code /api/v1}, assembled once at start-up from
 * {@code openapi/shared.yaml} (info, servers, bearer security, {@code Problem}, {@code Page}) and every
 * module's fragment {@code openapi/<module>.yaml} (its {@code paths} and {@code components}). A path in
 * a fragment may be written with or without the {@code /api/v1} prefix; the served one always has it.
 * Two fragments describing the same operation, or the same schema differently, stop the start-up.
 */
@Component
public class ApiDescription {

    static final String PREFIX = "/api/v1";
    private static final String SHARED = "shared.yaml";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Map<String, Object> document;
    private final String yaml;
    private final String json;

    @Autowired
    public ApiDescription(JsonMapper jsonMapper) throws IOException {
        this(new PathMatchingResourcePatternResolver().getResources("classpath*:openapi/*.yaml"), jsonMapper);
    }

    ApiDescription(Resource[] fragments, JsonMapper jsonMapper) throws IOException {
        List<Resource> sorted = new ArrayList<>(Arrays.asList(fragments));
        sorted.sort(Comparator.comparing((Resource r) -> !SHARED.equals(r.getFilename()))
                .thenComparing(r -> Objects.requireNonNullElse(r.getFilename(), "")));
        if (sorted.isEmpty() || !SHARED.equals(sorted.getFirst().getFilename())) {
            throw new IllegalStateException("openapi/" + SHARED + " is missing from the class path");
        }
        Map<String, Object> merged = null;
        for (Resource fragment : sorted) {
            Map<String, Object> content = load(fragment);
            if (merged == null) {
                merged = content;
                merged.put("paths", prefixed(map(merged, "paths"), fragment.getFilename()));
            } else {
                mergeInto(merged, content, fragment.getFilename());
            }
        }
        this.document = merged;
        this.yaml = dump(merged);
        this.json = jsonMapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(merged);
    }

    /** The assembled description (read-only use). */
    public Map<String, Object> document() {
        return document;
    }

    public String yaml() {
        return yaml;
    }

    public String json() {
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(loaded instanceof Map)) {
                throw new IllegalStateException("openapi/" + resource.getFilename() + " is not a YAML mapping");
            }
            return (Map<String, Object>) stringKeys(loaded);
        }
    }

    /** OpenAPI keys are strings; YAML reads {@code 200:} as a number. */
    private static Object stringKeys(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), stringKeys(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l.stream().map(ApiDescription::stringKeys).toList());
        }
        return value;
    }

    private static void mergeInto(Map<String, Object> target, Map<String, Object> fragment, String name) {
        Map<String, Object> paths = map(target, "paths");
        prefixed(map(fragment, "paths"), name).forEach((path, item) -> {
            Map<String, Object> existing = asMap(paths.computeIfAbsent(path, p -> new LinkedHashMap<>()));
            asMap(item).forEach((key, operation) -> {
                if (HTTP_METHODS.contains(key) && existing.containsKey(key)) {
                    throw new IllegalStateException("openapi/" + name + ": " + key.toUpperCase() + " " + path
                            + " is already described by another fragment");
                }
                existing.putIfAbsent(key, operation);
            });
        });
        Map<String, Object> components = map(fragment, "components");
        Map<String, Object> targetComponents = map(target, "components");
        components.forEach((section, entries) -> {
            Map<String, Object> into = map(targetComponents, section);
            asMap(entries).forEach((entryName, definition) -> {
                Object before = into.putIfAbsent(entryName, definition);
                if (before != null && !before.equals(definition)) {
                    throw new IllegalStateException("openapi/" + name + ": components." + section + "." + entryName
                            + " is already defined differently by another fragment; rename one of them");
                }
            });
        });
        if (fragment.get("tags") instanceof List<?> tags) {
            @SuppressWarnings("unchecked")
            List<Object> all = (List<Object>) target.computeIfAbsent("tags", t -> new ArrayList<>());
            tags.stream().filter(t -> !all.contains(t)).forEach(all::add);
        }
    }

    private static Map<String, Object> prefixed(Map<String, Object> paths, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/")) {
                throw new IllegalStateException("openapi/" + name + ": path '" + path + "' must start with /");
            }
            String full = path.startsWith("/api/") ? path : PREFIX + path;
            if (out.put(full, item) != null) {
                throw new IllegalStateException("openapi/" + name + ": " + full + " is described twice");
            }
        });
        return out;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            parent.put(key, created);
            return created;
        }
        return asMap(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("expected a mapping in an OpenAPI fragment, found " + value);
    }

    private static String dump(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(new Representer(options), options).dump(document);
    }
}
