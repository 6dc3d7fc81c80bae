package org.fusioncell.exchange.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.fusioncell.exchange.StixBundles;
import org.fusioncell.shared.InvalidInputException;

/**
 * The structural checks an incoming bundle passes before anything is written: a bundle of objects, at most
 * {@code maxObjects} of them, each of a type STIX 2.1 defines, with a well-formed {@code type--UUID} id,
 * {@code spec_version} 2.1, UTC timestamps, the properties its type requires, and marking references that
 * resolve (a TLP marking, a marking definition in the bundle, or one kept from an earlier import).
 * Every refusal names the field: {@code objects[12].type}.
 */
final class StixBundleCheck {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{1,248}[a-z0-9]");
    private static final Pattern ID = Pattern.compile(
            "([a-z][a-z0-9-]+[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern STAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    /** What STIX 2.1 requires beyond the common properties, per type (section 4–7 of the specification). */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("attack-pattern", List.of("name")), Map.entry("campaign", List.of("name")),
            Map.entry("course-of-action", List.of("name")), Map.entry("grouping", List.of("context", "object_refs")),
            Map.entry("identity", List.of("name")), Map.entry("incident", List.of("name")),
            Map.entry("indicator", List.of("pattern", "pattern_type", "valid_from")),
            Map.entry("infrastructure", List.of("name")), Map.entry("intrusion-set", List.of("name")),
            Map.entry("location", List.of()), Map.entry("malware", List.of("is_family")),
            Map.entry("malware-analysis", List.of("product")), Map.entry("note", List.of("content", "object_refs")),
            Map.entry("observed-data", List.of("first_observed", "last_observed", "number_observed")),
            Map.entry("opinion", List.of("opinion", "object_refs")),
            Map.entry("report", List.of("name", "published", "object_refs")), Map.entry("threat-actor", List.of("name")),
            Map.entry("tool", List.of("name")), Map.entry("vulnerability", List.of("name")),
            Map.entry("relationship", List.of("relationship_type", "source_ref", "target_ref")),
            Map.entry("sighting", List.of("sighting_of_ref")),
            Map.entry("marking-definition", List.of()),
            Map.entry("extension-definition", List.of("name", "schema", "version", "extension_types", "created_by_ref")),
            Map.entry("language-content", List.of("object_ref", "object_modified", "contents")));

    private StixBundleCheck() {
    }

    /** The bundle's objects, checked; {@code keptMarking} says whether a marking definition was kept before. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object parsed, int maxObjects, Predicate<String> keptMarking) {
        if (!(parsed instanceof Map<?, ?> bundle)) {
            throw new InvalidInputException("body", "a STIX 2.1 bundle (a JSON object of type bundle)");
        }
        if (!"bundle".equals(bundle.get("type"))) {
            throw new InvalidInputException("type", "must be bundle");
        }
        if (!(bundle.get("id") instanceof String id) || !id.startsWith("bundle--") || !ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "a bundle id: bundle--<UUID>");
        }
        if (!(bundle.get("objects") instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInputException("objects", "a non-empty list of STIX objects");
        }
        if (list.size() > maxObjects) {
            throw new StixBundles.BundleTooLargeException(maxObjects);
        }
        Set<String> definedMarkings = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> o)) {
                throw new InvalidInputException(at(i, null), "a STIX object (JSON object)");
            }
            String type = string(o, "type", i, true);
            if (!TYPE.matcher(type).matches() || !StixVocabulary.knownType(type)) {
                throw new InvalidInputException(at(i, "type"), "unknown STIX 2.1 object type '" + clip(type)
                        + "'; nothing was imported");
            }
            String objectId = string(o, "id", i, true);
            var m = ID.matcher(objectId);
            if (!m.matches() || !m.group(1).equals(type)) {
                throw new InvalidInputException(at(i, "id"), "an identifier " + type + "--<UUID>");
            }
            boolean observable = StixVocabulary.CYBER_OBSERVABLES.contains(type);
            Object spec = o.get("spec_version");
            if ((spec == null && !observable) || (spec != null && !"2.1".equals(spec))) {
                throw new InvalidInputException(at(i, "spec_version"), "must be 2.1");
            }
            if (!observable) {
                stamp(o, "created", i, true);
                stamp(o, "modified", i, !type.equals("marking-definition"));
            }
            for (String property : REQUIRED.getOrDefault(type, List.of())) {
                Object v = o.get(property);
                if (v == null || (v instanceof String str && str.isEmpty()) || (v instanceof List<?> l && l.isEmpty())) {
                    throw new InvalidInputException(at(i, property), "is required for " + type);
                }
            }
            switch (type) {
                case "report", "note", "grouping", "opinion" -> refs(o, "object_refs", i);
                case "relationship" -> {
                    ref(o.get("source_ref"), at(i, "source_ref"));
                    ref(o.get("target_ref"), at(i, "target_ref"));
                }
                case "sighting" -> ref(o.get("sighting_of_ref"), at(i, "sighting_of_ref"));
                case "observed-data" -> {
                    stamp(o, "first_observed", i, true);
                    stamp(o, "last_observed", i, true);
                    if (!(o.get("number_observed") instanceof Number n) || n.longValue() < 1) {
                        throw new InvalidInputException(at(i, "number_observed"), "a whole number of at least 1");
                    }
                    if (o.get("object_refs") == null && o.get("objects") == null) {
                        throw new InvalidInputException(at(i, "object_refs"), "is required for observed-data");
                    }
                    if (o.get("object_refs") != null) {
                        refs(o, "object_refs", i);
                    }
                }
                default -> {
                }
            }
            if (type.equals("report")) {
                stamp(o, "published", i, true);
            }
            if (o.get("created_by_ref") != null) {
                ref(o.get("created_by_ref"), at(i, "created_by_ref"));
            }
            if (type.equals("marking-definition")) {
                definedMarkings.add(objectId);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> o = (Map<String, Object>) list.get(i);
            Object refs = o.get("object_marking_refs");
            if (refs != null) {
                if (!(refs instanceof List<?> l) || l.isEmpty()) {
                    throw new InvalidInputException(at(i, "object_marking_refs"), "a non-empty list of marking-definition ids");
                }
                for (int j = 0; j < l.size(); j++) {
                    marking(l.get(j), at(i, "object_marking_refs[" + j + "]"), definedMarkings, keptMarking);
                }
            }
            if (o.get("granular_markings") instanceof List<?> g) {
                for (int j = 0; j < g.size(); j++) {
                    Object ref = g.get(j) instanceof Map<?, ?> gm ? gm.get("marking_ref") : null;
                    if (ref != null) {
                        marking(ref, at(i, "granular_markings[" + j + "].marking_ref"), definedMarkings, keptMarking);
                    }
                }
            } else if (o.get("granular_markings") != null) {
                throw new InvalidInputException(at(i, "granular_markings"), "a list of granular markings");
            }
        }
        return (List<Map<String, Object>>) list;
    }

    static String at(int i, String property) {
        return "objects[" + i + "]" + (property == null ? "" : "." + property);
    }

    private static void marking(Object ref, String field, Set<String> defined, Predicate<String> kept) {
        if (!(ref instanceof String id) || !id.startsWith("marking-definition--") || !ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "a marking-definition id");
        }
        if (StixVocabulary.tlpOf(id).isEmpty() && !defined.contains(id) && !kept.test(id)) {
            throw new InvalidInputException(field, "refers to a marking definition that is neither TLP nor in the bundle");
        }
    }

    private static void refs(Map<?, ?> o, String property, int i) {
        if (!(o.get(property) instanceof List<?> l) || l.isEmpty()) {
            throw new InvalidInputException(at(i, property), "a non-empty list of STIX ids");
        }
        for (int j = 0; j < l.size(); j++) {
            ref(l.get(j), at(i, property + "[" + j + "]"));
        }
    }

    private static void ref(Object value, String field) {
        if (!(value instanceof String id) || !ID.matcher(id).matches()) {
            throw new InvalidInputException(field, "a STIX identifier type--<UUID>");
        }
    }

    private static String string(Map<?, ?> o, String property, int i, boolean required) {
        Object v = o.get(property);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new InvalidInputException(at(i, property), "is required (a string)");
        }
        return s;
    }

    private static void stamp(Map<?, ?> o, String property, int i, boolean required) {
        Object v = o.get(property);
        if (v == null && !required) {
            return;
        }
        if (!(v instanceof String s) || !STAMP.matcher(s).matches()) {
            throw new InvalidInputException(at(i, property), "a UTC timestamp such as 2026-01-31T12:00:00.000Z");
        }
        try {
            Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(at(i, property), "not a real date and time");
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
