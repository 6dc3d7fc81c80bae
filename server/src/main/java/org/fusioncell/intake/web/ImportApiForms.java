package org.fusioncell.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.internal.ReportImportError;
import org.fusioncell.intake.internal.ReportImportMapping;
import org.fusioncell.intake.internal.ReportImportRows;
import org.fusioncell.intake.internal.ReportImports;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An import from file to stored reports, shared by the API and the page. Pass 1 reads every row and
 * checks it with {@link ReportForm#toDraft}, the API's own checks, so fields and wording are the
 * API's; a row is checked section by section when it fails, so one line can show several errors.
 * Pass 2 runs only when pass 1 found nothing.
 */
@Component
class ImportApiForms {

    static final int MAX_ERRORS = 1000;
    private static final Set<String> FIELDS = Set.of("title", "body", "occurredAt", "place", "grading", "marking",
            "retentionUntil");

    sealed interface Outcome {
    }

    record Imported(String importId, List<String> reportIds) implements Outcome {
    }

    /** {@code errors} holds at most {@link #MAX_ERRORS}; {@code total} counts them all. */
    record Invalid(List<ReportImportError> errors, long total) implements Outcome {
    }

    record Refused(long line) implements Outcome {
    }

    private final ReportImports imports;
    private final JsonMapper json;
    private final ClassificationScheme scheme;
    private final MarkingVocabulary vocabulary;

    ImportApiForms(ReportImports imports, JsonMapper json, ClassificationScheme scheme, MarkingVocabulary vocabulary) {
        this.imports = imports;
        this.json = json;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
    }

    /** The format of a file sent without a mapping, from its name or type; JSON lines unless it says CSV. */
    static ReportImportMapping.Format formatOf(String fileName, String contentType) {
        boolean csv = (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv"))
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv"));
        return csv ? ReportImportMapping.Format.CSV : ReportImportMapping.Format.JSONL;
    }

    /** @throws InvalidInputException for a wrong mapping file (field {@code mapping…}) */
    Outcome run(Reader author, InputStream file, ReportImportMapping.Format format, byte[] mappingFile) throws IOException {
        ReportImportMapping mapping = mappingFile == null || mappingFile.length == 0
                ? ReportImportMapping.identity(format) : ReportImportMapping.parse(json, mappingFile, format);
        MarkingVocabulary known = remembering(vocabulary);
        List<ReportImports.Checked> checked = new ArrayList<>();
        List<ReportImportError> errors = new ArrayList<>();
        long[] total = {0};
        ReportImportRows.read(file, mapping, json, row -> {
            List<ReportImportError> found = new ArrayList<>();
            ReportDraft draft = null;
            if (row.report() == null) {
                found.add(new ReportImportError(row.line(), row.field(), row.problem()));
            } else {
                draft = check(row.line(), row.report(), author, known, found);
            }
            if (found.isEmpty() && total[0] == 0) {
                checked.add(new ReportImports.Checked(row.line(), draft));
            } else {
                checked.clear(); // nothing will be written: stop holding drafts
                for (ReportImportError e : found) {
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(e);
                    }
                    total[0]++;
                }
            }
        });
        if (total[0] == 0 && checked.isEmpty()) {
            return new Invalid(List.of(new ReportImportError(0, "file", "contains no reports")), 1);
        }
        if (total[0] > 0) {
            return new Invalid(List.copyOf(errors), total[0]);
        }
        try {
            ReportImports.Imported done = imports.write(author, checked, mapping.format());
            return new Imported(done.importId(), done.reportIds());
        } catch (ReportImports.Refused refused) {
            return new Refused(refused.line());
        }
    }

    private ReportDraft check(long line, ObjectNode row, Reader author, MarkingVocabulary known,
                              List<ReportImportError> found) {
        for (String name : row.propertyNames()) {
            if (!FIELDS.contains(name)) {
                found.add(new ReportImportError(line, name, "unknown field"));
            }
        }
        Set<String> unreadable = new LinkedHashSet<>();
        Map<String, Object> read = new HashMap<>();
        Map<String, Class<?>> types = Map.of("title", String.class, "body", String.class, "occurredAt", String.class,
                "place", ReportForm.PlaceForm.class, "grading", ReportForm.GradingForm.class, "marking", MarkingForm.class,
                "retentionUntil", String.class);
        types.forEach((section, type) -> {
            JsonNode node = row.get(section);
            if (node == null || node.isNull()) {
                return;
            }
            try {
                read.put(section, json.treeToValue(node, type));
            } catch (JacksonException e) {
                unreadable.add(section);
                found.add(new ReportImportError(line, section + path(e), problem(e)));
            }
        });
        Function<String, Object> value = read::get;
        ReportForm full = form(value);
        if (found.isEmpty()) {
            try {
                return full.toDraft(scheme, known, author);
            } catch (InvalidInputException e) {
                // fall through: check each section alone to find every error of the line
            }
        }
        ReportForm base = new ReportForm("x", "x", null, null, new ReportForm.GradingForm("A", 1),
                new MarkingForm(scheme.lowest(), "CLEAR", null, null, null), null);
        Set<String> seen = found.stream().map(ReportImportError::field).collect(Collectors.toSet());
        for (String section : List.of("title", "body", "occurredAt", "place", "grading", "marking", "retentionUntil")) {
            if (unreadable.contains(section)) {
                continue;
            }
            ReportForm alone = form(s -> s.equals(section) ? read.get(s) : component(base, s));
            try {
                alone.toDraft(scheme, known, author);
            } catch (InvalidInputException e) {
                if (seen.add(e.field())) {
                    found.add(new ReportImportError(line, e.field(), e.problem()));
                }
            }
        }
        return null;
    }

    private static ReportForm form(Function<String, Object> v) {
        return new ReportForm((String) v.apply("title"), (String) v.apply("body"), (String) v.apply("occurredAt"),
                (ReportForm.PlaceForm) v.apply("place"), (ReportForm.GradingForm) v.apply("grading"),
                (MarkingForm) v.apply("marking"), (String) v.apply("retentionUntil"));
    }

    private static Object component(ReportForm f, String section) {
        return switch (section) {
            case "title" -> f.title();
            case "body" -> f.body();
            case "occurredAt" -> f.occurredAt();
            case "place" -> f.place();
            case "grading" -> f.grading();
            case "marking" -> f.marking();
            default -> f.retentionUntil();
        };
    }

    /** The same wording as the API's problem for a body Jackson cannot bind. */
    private static String problem(JacksonException e) {
        return switch (e.getClass().getSimpleName()) {
            case "UnrecognizedPropertyException" -> "unknown field";
            default -> "wrong type or format";
        };
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
    }

    /** Each organisation, agreement and user id is looked up once per import, not once per row. */
    private static MarkingVocabulary remembering(MarkingVocabulary vocabulary) {
        Map<String, Boolean> organisations = new HashMap<>();
        Map<String, Boolean> agreements = new HashMap<>();
        Map<String, Boolean> users = new HashMap<>();
        return new MarkingVocabulary() {
            @Override
            public boolean isOrganisation(String id) {
                return organisations.computeIfAbsent(id, vocabulary::isOrganisation);
            }

            @Override
            public boolean isAgreement(String id) {
                return agreements.computeIfAbsent(id, vocabulary::isAgreement);
            }

            @Override
            public boolean isUser(String id) {
                return users.computeIfAbsent(id, vocabulary::isUser);
            }
        };
    }
}
