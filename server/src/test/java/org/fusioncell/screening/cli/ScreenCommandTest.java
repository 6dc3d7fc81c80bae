package org.fusioncell.screening.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline screening command on the real UN list and the names-dev queries (acceptance of issue 4). */
class ScreenCommandTest {

    @TempDir
    Path dir;

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /** name, dob, nationality columns taken from a names-dev file. */
    private Path input(Path source, String name, String dob, String nationality) throws IOException {
        Path out = dir.resolve(source.getFileName());
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            p.printRecord("name", "dob", "nationality");
            for (CSVRecord r : csv(source)) {
                p.printRecord(r.get(name), r.get(dob), r.get(nationality));
            }
        }
        return out;
    }

    private CommandRun screen(Path list, Path input, Path output) {
        return CommandRun.of(ScreenCommand::run, "--list", list.toString(), "--input", input.toString(),
                "--output", output.toString());
    }

    @Test
    void perturbedUnQueriesFindTheirListedPersonAtRankOneAboveTheDefaultThreshold() throws IOException {
        Path un = CommandRun.shared("un-sanctions/consolidated.xml");
        Path positives = CommandRun.shared("names-dev/yente_un_positives.csv");
        Path output = dir.resolve("hits.csv");
        CommandRun run = screen(un, input(positives, "query_full_name", "query_date_of_birth", "query_nationality"),
                output);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllLines(output).getFirst()).isEqualTo(ScreenCommand.HEADER);

        Map<String, Set<String>> referencesByName = new HashMap<>();
        for (WatchlistEntry e : WatchlistFiles.read(un, null).entries()) {
            for (WatchlistEntry.ListedName n : e.names()) {
                referencesByName.computeIfAbsent(n.name().strip().toUpperCase(Locale.ROOT), k -> new HashSet<>())
                        .add(e.reference());
            }
        }
        Map<Integer, CSVRecord> top = new HashMap<>();
        for (CSVRecord r : csv(output)) {
            top.putIfAbsent(Integer.parseInt(r.get("input_row")), r);
        }
        List<CSVRecord> queries = csv(positives);
        int listed = 0;
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Set<String> wanted = referencesByName.get(queries.get(i).get("listed_full_name").strip().toUpperCase(Locale.ROOT));
            if (wanted == null) {
                continue; // a few listed people are no longer on this version of the list
            }
            listed++;
            CSVRecord hit = top.get(i + 1);
            if (hit != null && wanted.contains(hit.get("entry_id")) && Double.parseDouble(hit.get("score")) >= 0.80) {
                found++;
            } else {
                missed.add(queries.get(i).get("query_full_name"));
            }
        }
        assertThat(listed).isGreaterThan(200);
        assertThat((double) found / listed).as("missed: %s", missed).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void syntheticTravellersRaiseAtMostOneAlertPerThousandNames() throws IOException {
        Path un = CommandRun.shared("un-sanctions/consolidated.xml");
        for (String file : List.of("yente_negatives_global.csv", "yente_negatives_us.csv")) {
            Path negatives = CommandRun.shared("names-dev/" + file);
            Path output = dir.resolve("alerts-" + file);
            CommandRun run = screen(un, input(negatives, "full_name", "date_of_birth", "nationality"), output);
            assertThat(run.status()).as(run.err()).isZero();
            long names = csv(negatives).size();
            long alerted = csv(output).stream().map(r -> r.get("input_row")).distinct().count();
            assertThat(alerted * 1000.0 / names).as(file + ": alerts per 1,000 names").isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void badInputIsOneClearLineAndNothingIsWritten() throws IOException {
        Path un = CommandRun.shared("un-sanctions/consolidated.xml");
        Path output = dir.resolve("out.csv");
        Map<String, String> cases = Map.of(
                "no-name.csv", "full,dob\nMohamed,1970\n",
                "empty-name.csv", "name,dob\nMohamed,1970\n  ,1971\n",
                "long-name.csv", "name\n" + "a".repeat(10_000) + "\n");
        Map<String, String> expected = Map.of(
                "no-name.csv", "no-name.csv has no column 'name' (its columns: full, dob)",
                "empty-name.csv", "empty-name.csv row 2 (line 3), column name: the name is empty",
                "long-name.csv", "long-name.csv row 1 (line 2), column name: 10000 characters, more than the 1000 a name may have");
        for (var c : cases.entrySet()) {
            Path input = Files.writeString(dir.resolve(c.getKey()), c.getValue());
            CommandRun run = screen(un, input, output);
            assertThat(run.status()).as(c.getKey()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("fusioncell screen: " + expected.get(c.getKey()));
            assertThat(output).doesNotExist();
        }
        Path homoglyph = Files.writeString(dir.resolve("homoglyph.csv"), "name\nMuh\u0430mmad Ali\n");
        CommandRun mixed = screen(un, homoglyph, output);
        assertThat(mixed.status()).isZero();
        assertThat(mixed.err()).contains("homoglyph.csv row 1 (line 2), column name: one word mixes letters of "
                + "several scripts (latin, cyrillic); write each word in one script; screened as written");
        Files.delete(output);
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CommandRun notUtf8 = screen(un, latin1, output);
        assertThat(notUtf8.err().strip()).isEqualTo("fusioncell screen: latin1.csv is not UTF-8 text");
        Path hostile = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>");
        Path names = Files.writeString(dir.resolve("names.csv"), "name\nMohamed\n");
        CommandRun xxe = screen(hostile, names, output);
        assertThat(xxe.status()).isEqualTo(1);
        assertThat(xxe.err()).startsWith("fusioncell screen: ").contains("xxe.xml").doesNotContain("root:");
        assertThat(output).doesNotExist();
    }

    @Test
    void mixedScriptNamesAreScreenedAndAnArabicQueryFindsItsLatinEntry() throws IOException {
        Path un = CommandRun.shared("un-sanctions/consolidated.xml");
        // the list holds this person under Latin names only
        Path input = Files.writeString(dir.resolve("mixed.csv"),
                "name,dob\nأبو محمد العدناني,\nAbu Mohammed العدناني,\n");
        Path output = dir.resolve("mixed-out.csv");
        CommandRun run = screen(un, input, output);
        assertThat(run.status()).as(run.err()).isZero();
        List<CSVRecord> hits = csv(output);
        for (String row : List.of("1", "2")) {
            CSVRecord first = hits.stream().filter(h -> h.get("input_row").equals(row)).findFirst().orElseThrow();
            assertThat(first.get("entry_id")).isEqualTo("6908395");
            assertThat(first.get("matched_name").toUpperCase(Locale.ROOT)).contains("ADNANI");
        }
    }
}
