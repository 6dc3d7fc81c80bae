package org.fusioncell.monitoring.incidents.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the columns of a CSV file become incident fields (docs/incidents.md, "Import mapping"):
 * {@code columns} names, for each field, the column (or the columns, joined) it is read from; {@code values}
 * translates a column's codes ({@code "1": "state-based"}); {@code defaults} fills a field a row leaves empty;
 * {@code source} names the dataset, so that a row imported again (same source, same {@code externalId}) is
 * recognised and skipped. {@code preset} starts from a built-in mapping ({@code ucdp-ged}) that the rest
 * amends. Fields are a closed list: a typo is an error, not a silently dropped column.
 */
public record ImportMapping(String source, Map<String, List<String>> columns, Map<String, Map<String, String>> values,
                            Map<String, String> defaults, char delimiter, String listSeparator) {

    public static final List<String> FIELDS = List.of("externalId", "date", "endDate", "datePrecision", "placeName",
            "country", "admin1", "admin1Code", "latitude", "longitude", "attackType", "targetType", "weapon",
            "perpetratorGroup", "perpetratorEntityId", "fatalities", "injuries", "sources", "description", "reportId");

    private static final Set<String> KEYS = Set.of("preset", "source", "columns", "values", "defaults", "delimiter",
            "listSeparator");

    /** UCDP's Georeferenced Event Dataset (GED 19.1 and later): one row per event of organised violence. */
    public static final ImportMapping UCDP_GED = new ImportMapping("ucdp-ged", ucdpColumns(),
            Map.of("attackType", Map.of("1", "state-based", "2", "non-state", "3", "one-sided"),
                    "datePrecision", Map.of("1", "DAY", "2", "DAY", "3", "WEEK", "4", "MONTH", "5", "YEAR")),
            Map.of(), ',', ";");

    public static final Map<String, ImportMapping> PRESETS = Map.of("ucdp-ged", UCDP_GED);

    private static Map<String, List<String>> ucdpColumns() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("externalId", List.of("id"));
        c.put("date", List.of("date_start"));
        c.put("endDate", List.of("date_end"));
        c.put("datePrecision", List.of("date_prec"));
        c.put("placeName", List.of("where_coordinates"));
        c.put("country", List.of("country"));
        c.put("admin1", List.of("adm_1"));
        c.put("latitude", List.of("latitude"));
        c.put("longitude", List.of("longitude"));
        c.put("attackType", List.of("type_of_violence"));
        c.put("perpetratorGroup", List.of("side_a"));
        c.put("fatalities", List.of("best"));
        c.put("sources", List.of("source_article"));
        c.put("description", List.of("dyad_name"));
        return c;
    }

    /** Reads a mapping; a wrong entry is an {@link InvalidInputException} naming {@code mapping.…}. */
    public static ImportMapping parse(JsonMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("mapping", "not a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("mapping", "not a JSON object");
        }
        for (String name : root.propertyNames()) {
            if (!KEYS.contains(name)) {
                throw new InvalidInputException("mapping." + name, "unknown key; one of " + KEYS);
            }
        }
        ImportMapping base = new ImportMapping(null, Map.of(), Map.of(), Map.of(), ',', ";");
        if (root.hasNonNull("preset")) {
            base = preset(root.get("preset").asString());
        }
        Map<String, List<String>> columns = new LinkedHashMap<>(base.columns());
        for (Map.Entry<String, JsonNode> e : object(root, "columns").properties()) {
            String field = field(e.getKey(), "mapping.columns.");
            List<String> names = new ArrayList<>();
            if (e.getValue().isString() && !e.getValue().asString().isBlank()) {
                names.add(e.getValue().asString().strip());
            } else if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                for (JsonNode n : e.getValue()) {
                    if (!n.isString() || n.asString().isBlank()) {
                        throw new InvalidInputException("mapping.columns." + field, "must name columns");
                    }
                    names.add(n.asString().strip());
                }
            } else if (e.getValue().isNull()) {
                columns.remove(field);
                continue;
            } else {
                throw new InvalidInputException("mapping.columns." + field, "must name a column or a list of columns");
            }
            columns.put(field, List.copyOf(names));
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>(base.values());
        for (Map.Entry<String, JsonNode> e : object(root, "values").properties()) {
            String field = field(e.getKey(), "mapping.values.");
            if (!e.getValue().isObject()) {
                throw new InvalidInputException("mapping.values." + field, "must be an object of cell value: field value");
            }
            Map<String, String> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> v : e.getValue().properties()) {
                if (!v.getValue().isValueNode() || v.getValue().isNull()) {
                    throw new InvalidInputException("mapping.values." + field + "." + v.getKey(), "must be a text value");
                }
                map.put(v.getKey(), v.getValue().asString());
            }
            values.put(field, Map.copyOf(map));
        }
        Map<String, String> defaults = new LinkedHashMap<>(base.defaults());
        for (Map.Entry<String, JsonNode> e : object(root, "defaults").properties()) {
            String field = field(e.getKey(), "mapping.defaults.");
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new InvalidInputException("mapping.defaults." + field, "must be a text or number value");
            }
            defaults.put(field, e.getValue().asString());
        }
        String delimiter = root.hasNonNull("delimiter") ? root.get("delimiter").asString() : String.valueOf(base.delimiter());
        if (delimiter.equals("\\t")) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r")) {
            throw new InvalidInputException("mapping.delimiter", "must be one character other than a quote or line break");
        }
        String separator = root.hasNonNull("listSeparator") ? root.get("listSeparator").asString() : base.listSeparator();
        if (separator.isEmpty()) {
            throw new InvalidInputException("mapping.listSeparator", "must not be empty");
        }
        String source = root.hasNonNull("source") ? root.get("source").asString().strip() : base.source();
        if (source != null && (source.isEmpty() || source.length() > 64)) {
            throw new InvalidInputException("mapping.source", "1 to 64 characters");
        }
        if (!columns.containsKey("date") && !defaults.containsKey("date")) {
            throw new InvalidInputException("mapping.columns.date", "is required: the column of the incident's date");
        }
        return new ImportMapping(source, Map.copyOf(columns), Map.copyOf(values), Map.copyOf(defaults),
                delimiter.charAt(0), separator);
    }

    public static ImportMapping preset(String name) {
        ImportMapping preset = name == null ? null : PRESETS.get(name.strip());
        if (preset == null) {
            throw new InvalidInputException("mapping.preset", "unknown preset; one of " + PRESETS.keySet());
        }
        return preset;
    }

    private static JsonNode object(JsonNode root, String key) {
        JsonNode n = root.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!n.isObject()) {
            throw new InvalidInputException("mapping." + key, "must be an object keyed by field");
        }
        return n;
    }

    private static String field(String name, String prefix) {
        if (!FIELDS.contains(name)) {
            throw new InvalidInputException(prefix + name, "unknown field; one of " + FIELDS);
        }
        return name;
    }
}
