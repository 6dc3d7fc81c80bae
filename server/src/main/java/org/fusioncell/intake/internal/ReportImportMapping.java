package org.fusioncell.intake.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fusioncell.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the columns of a CSV file (or the fields of differently shaped JSON lines) become the fields
 * of a report as the API takes it: {@code columns} maps a target path ({@code grading.sourceReliability})
 * to a source column name, {@code defaults} gives a value to a target a row leaves empty. Targets are
 * a closed list so a typo is an error, not a silently dropped column; entity columns will be new
 * targets under {@code entities.*}.
 */
public record ReportImportMapping(Format format, Map<String, String> columns, Map<String, JsonNode> defaults,
                                  char delimiter, String listSeparator) {

    public enum Format { CSV, JSONL }

    private enum Kind { TEXT, NUMBER, BOOLEAN, LIST }

    /** Every field a row may fill, with how a text cell becomes its JSON value. */
    private static final Map<String, Kind> TARGETS = targets();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Map<String, Kind> targets() {
        Map<String, Kind> t = new LinkedHashMap<>();
        for (String s : new String[] {"title", "body", "occurredAt", "place.name", "grading.sourceReliability",
                "marking.classification", "marking.tlp", "retentionUntil"}) {
            t.put(s, Kind.TEXT);
        }
        t.put("place.latitude", Kind.NUMBER);
        t.put("place.longitude", Kind.NUMBER);
        t.put("grading.informationCredibility", Kind.NUMBER);
        t.put("marking.originatorControl", Kind.BOOLEAN);
        for (String s : new String[] {"marking.releasability.organisations", "marking.releasability.organisationTypes",
                "marking.releasability.agreements", "marking.releasability.users", "marking.caveats"}) {
            t.put(s, Kind.LIST);
        }
        return Map.copyOf(t);
    }

    public static Set<String> targetNames() {
        return TARGETS.keySet();
    }

    /** The mapping that takes CSV header names as target paths and JSON lines as they are. */
    public static ReportImportMapping identity(Format format) {
        return new ReportImportMapping(format, Map.of(), Map.of(), ',', ";");
    }

    /** Reads a mapping file; a wrong entry is an {@link InvalidInputException} naming {@code mapping.…}. */
    public static ReportImportMapping parse(JsonMapper json, byte[] file, Format fallback) {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JacksonException e) {
            throw new InvalidInputException("mapping", "not a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("mapping", "not a JSON object");
        }
        for (String name : root.propertyNames()) {
            if (!Set.of("format", "columns", "defaults", "delimiter", "listSeparator").contains(name)) {
                throw new InvalidInputException("mapping." + name, "unknown field");
            }
        }
        Format format = fallback;
        if (root.hasNonNull("format")) {
            format = switch (root.get("format").asString().strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> Format.CSV;
                case "jsonl", "ndjson" -> Format.JSONL;
                default -> throw new InvalidInputException("mapping.format", "must be csv or jsonl");
            };
        }
        Map<String, String> columns = new LinkedHashMap<>();
        JsonNode c = root.path("columns");
        if (!c.isMissingNode() && !c.isObject()) {
            throw new InvalidInputException("mapping.columns", "must be an object of target: source column");
        }
        for (Map.Entry<String, JsonNode> e : c.properties()) {
            target(e.getKey(), "mapping.columns.");
            if (!e.getValue().isString() || e.getValue().asString().isBlank()) {
                throw new InvalidInputException("mapping.columns." + e.getKey(), "must name a source column");
            }
            columns.put(e.getKey(), e.getValue().asString());
        }
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        JsonNode d = root.path("defaults");
        if (!d.isMissingNode() && !d.isObject()) {
            throw new InvalidInputException("mapping.defaults", "must be an object of target: value");
        }
        for (Map.Entry<String, JsonNode> e : d.properties()) {
            defaults.put(e.getKey(), convert(target(e.getKey(), "mapping.defaults."), e.getValue(), ";"));
        }
        String delimiter = root.path("delimiter").asString(",");
        if (delimiter.equals("\\t")) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r")) {
            throw new InvalidInputException("mapping.delimiter", "must be one character other than a quote or line break");
        }
        String separator = root.path("listSeparator").asString(";");
        if (separator.isEmpty()) {
            throw new InvalidInputException("mapping.listSeparator", "must not be empty");
        }
        return new ReportImportMapping(format, Map.copyOf(columns), Map.copyOf(defaults), delimiter.charAt(0), separator);
    }

    private static Kind target(String name, String prefix) {
        Kind kind = TARGETS.get(name);
        if (kind == null) {
            throw new InvalidInputException(prefix + name, "unknown target; see docs/import.md for the list");
        }
        return kind;
    }

    /** Whether a CSV header read without a mapping names a target. */
    static boolean isTarget(String name) {
        return TARGETS.containsKey(name);
    }

    /**
     * Builds the report object of one row. {@code source} answers a source column's value (null when
     * absent); with no columns mapped every target reads the source of the same name.
     */
    ObjectNode row(Function<String, JsonNode> source) {
        ObjectNode out = NODES.objectNode();
        Map<String, String> plan = columns.isEmpty() ? identityPlan() : columns;
        plan.forEach((target, column) -> {
            JsonNode value = source.apply(column);
            if (value != null && !value.isNull() && !(value.isString() && value.asString().isBlank())) {
                put(out, target, convert(TARGETS.get(target), value, listSeparator));
            }
        });
        return fill(out);
    }

    /** A JSON line read as it is: only the defaults are added. */
    ObjectNode fill(ObjectNode row) {
        defaults.forEach((target, value) -> {
            if (at(row, target) == null) {
                put(row, target, value.deepCopy());
            }
        });
        return row;
    }

    private static Map<String, String> identityPlan() {
        Map<String, String> plan = new LinkedHashMap<>();
        TARGETS.keySet().forEach(t -> plan.put(t, t));
        return plan;
    }

    /** A text cell becomes the JSON type its target takes; anything unparseable stays text for the checks to name. */
    private static JsonNode convert(Kind kind, JsonNode value, String separator) {
        if (!value.isString()) {
            return value;
        }
        String text = value.asString().strip();
        return switch (kind) {
            case TEXT -> NODES.stringNode(text);
            case NUMBER -> {
                try {
                    BigDecimal n = new BigDecimal(text);
                    yield n.scale() <= 0 ? NODES.numberNode(n.toBigIntegerExact()) : NODES.numberNode(n.doubleValue());
                } catch (NumberFormatException | ArithmeticException e) {
                    yield NODES.stringNode(text);
                }
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> NODES.booleanNode(true);
                case "false", "no", "0" -> NODES.booleanNode(false);
                default -> NODES.stringNode(text);
            };
            case LIST -> {
                ArrayNode list = NODES.arrayNode();
                for (String part : text.split(java.util.regex.Pattern.quote(separator), -1)) {
                    if (!part.isBlank()) {
                        list.add(part.strip());
                    }
                }
                yield list;
            }
        };
    }

    private static JsonNode at(ObjectNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
