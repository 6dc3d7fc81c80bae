package org.fusioncell.research.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Properties of the anonymisation, over many seeded random incident datasets (jqwik is not a dependency here, so a
 * seeded loop: a failure names its seed and is reproducible). For every generated export: no quasi-identifier
 * combination is shared by fewer than k records; only allow-listed fields leave; pseudonyms are unique and differ
 * between exports; every small cell is suppressed and no published total covers exactly one suppressed cell.
 */
class AnonymisationPropertyTest {

    private static final String[] COUNTRIES = {"MLI", "BFA", "NER", "MRT", "NGA"};
    private static final String[] ATTACKS = {"armed-assault", "bombing", "kidnapping", "assassination", null};
    private static final String[] GROUPS = {"JNIM", "ISGS", "Boko Haram", "Ansaroul Islam, faction nord", null};
    private static final String[] WEAPONS = {"firearms", "explosives", "melee", null};

    @Test
    void noExportedCombinationIsSharedByFewerThanKRecords() throws Exception {
        int checkedRecords = 0;
        for (long seed = 1; seed <= 80; seed++) {
            final long s = seed;
            Random rnd = new Random(seed);
            List<KAnonymity.Input> inputs = dataset(rnd, rnd.nextInt(600));
            List<ExportableField> fields = fields(rnd);
            int k = 2 + rnd.nextInt(14);
            KAnonymity.Result r = KAnonymity.anonymise(inputs, fields, k);
            assertThat(r.records().size() + r.suppressed()).as("seed %d: every record released or suppressed", seed)
                    .isEqualTo(inputs.size());
            Map<List<String>, Integer> classes = new HashMap<>();
            Map<String, KAnonymity.Input> byId = new HashMap<>();
            inputs.forEach(i -> byId.put(i.id(), i));
            for (KAnonymity.Released rel : r.records()) {
                classes.merge(rel.values(), 1, Integer::sum);
                KAnonymity.Input in = byId.get(rel.id());
                for (int f = 0; f < fields.size(); f++) {
                    assertThat(rel.values().get(f)).as("seed %d: a released value generalises its record", seed)
                            .isEqualTo(fields.get(f).generalise(in.values().get(fields.get(f)),
                                    r.levels().get(fields.get(f))));
                }
            }
            classes.forEach((combination, n) -> assertThat(n).as("seed %d, k %d: %s", s, k, combination)
                    .isGreaterThanOrEqualTo(k));
            if (inputs.size() >= k * 3) {
                assertThat(r.suppressed()).as("seed %d: Datafly suppresses at most k records", seed)
                        .isLessThanOrEqualTo(k);
            }
            checkedRecords += r.records().size();

            // the file as written: only the pseudonym and the allow-listed fields, k-anonymous, fresh pseudonyms
            ExportCutting.Cut cut = ExportCutting.records(inputs, fields, k);
            ExportCutting.Cut again = ExportCutting.records(inputs, fields, k);
            List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(cut.csv())).getRecords();
            List<String> header = rows.get(0).toList();
            assertThat(header.get(0)).isEqualTo("pseudonym");
            assertThat(header.subList(1, header.size())).isEqualTo(fields.stream().map(ExportableField::key).toList());
            assertThat(ExportableField.keys()).containsAll(header.subList(1, header.size()));
            Map<List<String>, Integer> fileClasses = new HashMap<>();
            Set<String> pseudonyms = new HashSet<>();
            for (CSVRecord row : rows.subList(1, rows.size())) {
                List<String> values = row.toList();
                pseudonyms.add(values.get(0));
                fileClasses.merge(values.subList(1, values.size()), 1, Integer::sum);
            }
            assertThat(pseudonyms).hasSize(rows.size() - 1);
            fileClasses.values().forEach(n -> assertThat(n).as("seed %d: file classes", s).isGreaterThanOrEqualTo(k));
            if (rows.size() > 1) {
                Set<String> other = new HashSet<>();
                CSVFormat.RFC4180.parse(new StringReader(again.csv())).getRecords().stream().skip(1)
                        .forEach(x -> other.add(x.get(0)));
                assertThat(other).as("pseudonyms of two exports do not link").doesNotContainAnyElementsOf(pseudonyms);
            }
            assertThat(cut.csv()).doesNotContain("incident-");
        }
        assertThat(checkedRecords).as("the datasets released something to check").isGreaterThan(3_000);
    }

    @Test
    void smallCellsAreSuppressedAndNoPublishedTotalRevealsOne() {
        for (long seed = 1; seed <= 80; seed++) {
            Random rnd = new Random(seed * 31);
            List<KAnonymity.Input> inputs = dataset(rnd, rnd.nextInt(500));
            int dims = 1 + rnd.nextInt(3);
            List<ExportableField> pool = new ArrayList<>(List.of(ExportableField.COUNTRY, ExportableField.ATTACK_TYPE,
                    ExportableField.PERPETRATOR_GROUP, ExportableField.FATALITIES, ExportableField.DATE));
            java.util.Collections.shuffle(pool, rnd);
            List<ExportableField> fields = pool.subList(0, dims);
            int threshold = 2 + rnd.nextInt(14);
            LaplaceNoise noise = rnd.nextInt(3) == 0 ? new LaplaceNoise(0.5 + rnd.nextDouble(), new SecureRandom()) : null;
            List<List<String>> keys = new ArrayList<>();
            for (KAnonymity.Input in : inputs) {
                List<String> key = new ArrayList<>();
                for (ExportableField f : fields) {
                    key.add(f.generalise(in.values().get(f), 0));
                }
                keys.add(key);
            }
            SmallCells.Table t;
            try {
                t = SmallCells.tabulate(keys, dims, threshold, noise);
            } catch (IllegalArgumentException tooMany) {
                continue;
            }
            for (SmallCells.Cell c : t.cells()) {
                if (c.count() > 0 && c.count() < threshold) {
                    assertThat(c.suppressed()).as("seed %d: small cell %s", seed, c).isTrue();
                }
            }
            if (noise == null) {
                assertThat(t.cells().stream().mapToLong(SmallCells.Cell::count).sum()).isEqualTo(inputs.size());
            }
            for (SmallCells.Total total : t.totals()) {
                List<SmallCells.Cell> covered = t.cells().stream()
                        .filter(c -> total.dimension() < 0 || c.key().get(total.dimension()).equals(total.value()))
                        .toList();
                assertThat(total.count()).isEqualTo(covered.stream().mapToLong(SmallCells.Cell::count).sum());
                if (total.suppressed()) {
                    continue;
                }
                assertThat(total.count() == 0 || total.count() >= threshold)
                        .as("seed %d: published total %s", seed, total).isTrue();
                long hidden = covered.stream().filter(SmallCells.Cell::suppressed).count();
                assertThat(hidden).as("seed %d: a published total covering one suppressed cell gives it away: %s",
                        seed, total).isNotEqualTo(1L);
            }
        }
    }

    @Test
    void laplaceNoiseHasTheStatedScale() {
        LaplaceNoise noise = new LaplaceNoise(0.5, new SecureRandom());
        assertThat(noise.scale()).isEqualTo(2.0); // sensitivity 1 / epsilon 0.5
        int n = 60_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double x = noise.sample();
            sum += x;
            squares += x * x;
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        assertThat(mean).isBetween(-0.05, 0.05);
        assertThat(variance).isBetween(2 * 4 * 0.95, 2 * 4 * 1.05); // Var = 2b²
    }

    @Test
    void anAggregateFileWritesNoCountForASuppressedCell() throws Exception {
        List<KAnonymity.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inputs.add(input("a" + i, LocalDate.of(2025, 3, 1), "MLI", "armed-assault", 0));
        }
        for (int i = 0; i < 3; i++) {
            inputs.add(input("b" + i, LocalDate.of(2025, 3, 1), "NER", "armed-assault", 0));
        }
        for (int i = 0; i < 25; i++) {
            inputs.add(input("c" + i, LocalDate.of(2025, 3, 1), "BFA", "armed-assault", 0));
        }
        ExportCutting.Cut cut = ExportCutting.aggregates(inputs, List.of(ExportableField.COUNTRY), 10, null);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(cut.csv())).getRecords();
        Map<String, List<String>> cells = new HashMap<>();
        rows.stream().skip(1).filter(r -> r.get(0).equals("cell")).forEach(r -> cells.put(r.get(1), r.toList()));
        assertThat(cells.get("NER")).containsExactly("cell", "NER", "", "suppressed");
        // NER alone would be the grand total minus the others: BFA, the smallest other cell, goes with it
        assertThat(cells.get("BFA")).containsExactly("cell", "BFA", "", "suppressed");
        assertThat(cells.get("MLI")).containsExactly("cell", "MLI", "40", "");
        assertThat(cut.suppressed()).isEqualTo(2);
    }

    private static List<ExportableField> fields(Random rnd) {
        List<ExportableField> all = new ArrayList<>(List.of(ExportableField.values()));
        java.util.Collections.shuffle(all, rnd);
        return new ArrayList<>(all.subList(0, 1 + rnd.nextInt(RequestChecks.MAX_FIELDS)));
    }

    private static List<KAnonymity.Input> dataset(Random rnd, int n) {
        List<KAnonymity.Input> out = new ArrayList<>();
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int i = 0; i < n; i++) {
            String country = COUNTRIES[Math.min(COUNTRIES.length - 1, (int) Math.abs(rnd.nextGaussian() * 1.5))];
            String admin1 = country + "." + (1 + rnd.nextInt(1 + rnd.nextInt(8)));
            int fatalities = rnd.nextInt(4) == 0 ? 0 : (int) Math.round(Math.exp(rnd.nextDouble() * 4.5));
            var v = ExportCutting.values(start.plusDays(rnd.nextInt(1100)), country, admin1,
                    ATTACKS[rnd.nextInt(ATTACKS.length)], rnd.nextBoolean() ? "military" : "civilians",
                    WEAPONS[rnd.nextInt(WEAPONS.length)], GROUPS[rnd.nextInt(GROUPS.length)], fatalities,
                    rnd.nextInt(30));
            out.add(new KAnonymity.Input("incident-" + i, v));
        }
        return out;
    }

    private static KAnonymity.Input input(String id, LocalDate date, String country, String attack, int fatalities) {
        return new KAnonymity.Input(id, ExportCutting.values(date, country, null, attack, null, null, null,
                fatalities, 0));
    }
}
