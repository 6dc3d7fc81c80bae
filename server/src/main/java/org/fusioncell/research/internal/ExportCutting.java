package org.fusioncell.research.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fusioncell.research.ResearchRequest;
import org.fusioncell.research.ResearchRequest.OutputForm;

/**
 * Turns the incidents an approver may see into the export file: only allow-listed fields are ever read into it,
 * then either counts with small-cell suppression (optionally noised) or pseudonymised records at k-anonymity.
 */
final class ExportCutting {

    static final String SUPPRESSED = "suppressed";
    static final String ALL = "(all)";

    record Cut(String csv, int rows, int suppressed, String generalisation) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private ExportCutting() {
    }

    static Cut cut(ResearchRequest request, List<KAnonymity.Input> inputs) {
        List<ExportableField> fields = request.fields().stream()
                .map(f -> ExportableField.of(f).orElseThrow()).toList();
        return request.output() == OutputForm.RECORDS ? records(inputs, fields, request.k())
                : aggregates(inputs, fields, request.threshold(), request.epsilon());
    }

    static Cut records(List<KAnonymity.Input> inputs, List<ExportableField> fields, int k) {
        KAnonymity.Result r = KAnonymity.anonymise(inputs, fields, k);
        Pseudonyms pseudonyms = new Pseudonyms(RANDOM);
        List<String> header = new ArrayList<>();
        header.add("pseudonym");
        fields.forEach(f -> header.add(f.key()));
        List<List<String>> rows = new ArrayList<>();
        for (KAnonymity.Released rel : r.records()) {
            List<String> row = new ArrayList<>();
            row.add(pseudonyms.of(rel.id()));
            row.addAll(rel.values());
            rows.add(row);
        }
        String generalisation = fields.stream().map(f -> f.key() + "=" + r.levels().get(f))
                .collect(Collectors.joining(",")) + ";k=" + k;
        return new Cut(csv(header, rows), rows.size(), r.suppressed(), generalisation);
    }

    static Cut aggregates(List<KAnonymity.Input> inputs, List<ExportableField> fields, int threshold,
                          Double epsilon) {
        List<List<String>> keys = new ArrayList<>();
        for (KAnonymity.Input in : inputs) {
            List<String> key = new ArrayList<>();
            fields.forEach(f -> key.add(f.generalise(in.values().get(f), 0)));
            keys.add(key);
        }
        LaplaceNoise noise = epsilon == null ? null : new LaplaceNoise(epsilon, RANDOM);
        SmallCells.Table t = SmallCells.tabulate(keys, fields.size(), threshold, noise);
        List<String> header = new ArrayList<>();
        header.add("row");
        fields.forEach(f -> header.add(f.key()));
        header.add("count");
        header.add("flag");
        List<List<String>> rows = new ArrayList<>();
        for (SmallCells.Cell c : t.cells()) {
            List<String> row = new ArrayList<>();
            row.add("cell");
            row.addAll(c.key());
            row.add(c.suppressed() ? "" : Long.toString(c.count()));
            row.add(c.suppressed() ? SUPPRESSED : "");
            rows.add(row);
        }
        for (SmallCells.Total total : t.totals()) {
            List<String> row = new ArrayList<>();
            row.add("total");
            for (int d = 0; d < fields.size(); d++) {
                row.add(d == total.dimension() ? total.value() : ALL);
            }
            row.add(total.suppressed() ? "" : Long.toString(total.count()));
            row.add(total.suppressed() ? SUPPRESSED : "");
            rows.add(row);
        }
        String generalisation = "date=month,counts=bands;threshold=" + threshold
                + (epsilon == null ? "" : ";epsilon=" + epsilon + ";sensitivity=" + LaplaceNoise.SENSITIVITY);
        return new Cut(csv(header, rows), rows.size(), (int) t.suppressedCells(), generalisation);
    }

    static Map<ExportableField, Object> values(java.time.LocalDate date, String country, String admin1,
                                               String attackType, String targetType, String weapon, String group,
                                               int fatalities, int injuries) {
        Map<ExportableField, Object> v = new EnumMap<>(ExportableField.class);
        v.put(ExportableField.DATE, date);
        v.put(ExportableField.COUNTRY, country);
        v.put(ExportableField.ADMIN1, admin1);
        v.put(ExportableField.ATTACK_TYPE, attackType);
        v.put(ExportableField.TARGET_TYPE, targetType);
        v.put(ExportableField.WEAPON, weapon);
        v.put(ExportableField.PERPETRATOR_GROUP, group);
        v.put(ExportableField.FATALITIES, fatalities);
        v.put(ExportableField.INJURIES, injuries);
        return v;
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (List<String> r : rows) {
                p.printRecord(r.stream().map(ExportCutting::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet would run as a formula is written as text. */
    private static String inert(String value) {
        return !value.isEmpty() && "=+@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
