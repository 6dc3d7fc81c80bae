package org.fusioncell.intake.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an import file row by row into report objects in the API's JSON shape, handing each to a
 * sink as soon as it is read: the file's text is never held whole. A row that cannot be read is
 * handed on with its problem ({@code field} {@code json}, {@code csv}, or a header or mapping field).
 */
public final class ReportImportRows {

    /** One row: {@code report} when readable, otherwise {@code field} and {@code problem}. */
    public record Row(long line, ObjectNode report, String field, String problem) {

        static Row error(long line, String field, String problem) {
            return new Row(line, null, field, problem);
        }
    }

    @FunctionalInterface
    public interface Sink {
        void accept(Row row);
    }

    private ReportImportRows() {
    }

    public static void read(InputStream file, ReportImportMapping mapping, JsonMapper json, Sink sink) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file, decoder), 64 * 1024)) {
            if (mapping.format() == ReportImportMapping.Format.CSV) {
                csv(in, mapping, sink);
            } else {
                jsonLines(in, mapping, json, sink);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            sink.accept(Row.error(0, "file", "not UTF-8 text"));
        }
    }

    private static void jsonLines(BufferedReader in, ReportImportMapping mapping, JsonMapper json, Sink sink)
            throws IOException {
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JacksonException e) {
                sink.accept(Row.error(number, "json", "malformed JSON"));
                continue;
            }
            if (!(node instanceof ObjectNode object)) {
                sink.accept(Row.error(number, "json", "not a JSON object"));
                continue;
            }
            ObjectNode report = mapping.columns().isEmpty() ? mapping.fill(object)
                    : mapping.row(source -> field(object, source));
            sink.accept(new Row(number, report, null, null));
        }
    }

    /** A source field of a JSON line, nested names joined by dots; null when absent. */
    private static JsonNode field(JsonNode object, String path) {
        JsonNode node = object;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void csv(BufferedReader in, ReportImportMapping mapping, Sink sink) throws IOException {
        ReportImportCsv csv = new ReportImportCsv(in, mapping.delimiter());
        ReportImportCsv.Record header = csv.next();
        if (header == null) {
            return;
        }
        if (header.problem() != null) {
            sink.accept(Row.error(header.line(), "csv", header.problem()));
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        boolean usable = true;
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (columns.putIfAbsent(name, i) != null) {
                sink.accept(Row.error(header.line(), "csv", "column " + (i + 1) + " repeats the name of an earlier column"));
                usable = false;
            } else if (mapping.columns().isEmpty() && !ReportImportMapping.isTarget(name)) {
                sink.accept(Row.error(header.line(), name, "unknown field"));
                usable = false;
            }
        }
        for (Map.Entry<String, String> c : mapping.columns().entrySet()) {
            if (!columns.containsKey(c.getValue().strip())) {
                sink.accept(Row.error(header.line(), "mapping.columns." + c.getKey(), "the header has no such column"));
                usable = false;
            }
        }
        if (!usable) {
            return;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (ReportImportCsv.Record r = csv.next(); r != null; r = csv.next()) {
            if (r.problem() != null) {
                sink.accept(Row.error(r.line(), "csv", r.problem()));
            } else if (r.fields().size() != names.size()) {
                sink.accept(Row.error(r.line(), "csv", r.fields().size() + " fields where the header has " + names.size()));
            } else {
                List<String> fields = r.fields();
                sink.accept(new Row(r.line(), mapping.row(source -> {
                    Integer i = columns.get(source.strip());
                    return i == null ? null : nodes.stringNode(fields.get(i));
                }), null, null));
            }
        }
    }
}
