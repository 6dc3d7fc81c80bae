package org.fusioncell.monitoring.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Grouping;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentCount;
import org.fusioncell.monitoring.incidents.IncidentStatistics.IncidentFilter;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.incidents.internal.ImportMapping;
import org.fusioncell.monitoring.incidents.internal.IncidentImport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The real UCDP GED Syria file (16,566 events) through the ucdp-ged preset: every row stored, figures as
 * published, statistics by month and admin-1 equal to a computation straight from the CSV, a re-import adds
 * nothing, and an organisation outside the marking sees none of it. The import time is printed, not asserted.
 */
@org.fusioncell.testing.FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=UcdpImportTest")
@DirtiesContext
@Tag("persistence")
class UcdpImportTest {

    @Autowired
    IncidentImport imports;
    @Autowired
    Incidents incidents;
    @Autowired
    IncidentStatistics statistics;
    @Autowired
    Readers readers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theUcdpSyriaFileImportsWholeAndItsStatisticsMatchTheCsv() throws Exception {
        Path file = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("incidents-ucdp-ged-syria/ged_syria_2016-2019.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "the UCDP GED Syria file is not at " + file
                + "; set FUSIONCELL_TEST_DATA");
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String agency = fx.organisation(OrganisationType.STATE_AGENCY);
        var reader = readers.forUser(fx.user(agency, "SECRET", Set.of(Role.ANALYST), Set.of()), "test");
        var outsider = readers.forUser(fx.user(fx.organisation(OrganisationType.STATE_AGENCY), "SECRET",
                Set.of(Role.ANALYST), Set.of()), "test");
        Marking marking = new Marking(0, Tlp.AMBER, new Releasability(Set.of(), Set.of(), Set.of(), Set.of()), false,
                Set.of(), agency);

        long started = System.nanoTime();
        IncidentImport.Outcome outcome;
        try (InputStream in = Files.newInputStream(file)) {
            outcome = imports.run(reader, in, ImportMapping.UCDP_GED, marking);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(IncidentImport.Imported.class);
        System.out.printf("UCDP GED Syria: %d incidents imported in %d ms%n",
                ((IncidentImport.Imported) outcome).imported(), millis);

        assertThat(incidents.count(reader, IncidentQuery.any())).isEqualTo(16_566);
        assertThat(incidents.count(reader, new IncidentQuery("SYR", null, null, null, null, null))).isEqualTo(16_566);
        List<IncidentCount> all = statistics.counts(reader, IncidentFilter.any(), Grouping.NONE, Period.MONTH);
        assertThat(all.stream().mapToLong(IncidentCount::fatalities).sum()).isEqualTo(112_337);
        Map<Integer, Long> perYear = new TreeMap<>();
        all.forEach(c -> perYear.merge(c.periodStart().getYear(), c.incidents(), Long::sum));
        assertThat(perYear).containsExactlyEntriesOf(new TreeMap<>(Map.of(2016, 6_170L, 2017, 5_587L, 2018, 2_765L,
                2019, 2_044L)));
        assertThat(incidents.count(reader, new IncidentQuery(null, null, "one-sided", null, null, null))).isEqualTo(482);
        assertThat(incidents.count(reader, new IncidentQuery(null, null, "state-based", null, null, null))).isEqualTo(11_507);

        // the same figures computed straight from the file
        Map<String, long[]> byMonthAndAdmin1 = new TreeMap<>();
        Map<LocalDate, long[]> byWeek = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord r : csv) {
                LocalDate day = LocalDate.parse(r.get("date_start"));
                String admin1 = r.get("adm_1").isBlank() ? "unknown" : r.get("adm_1").strip();
                long best = Long.parseLong(r.get("best"));
                long[] m = byMonthAndAdmin1.computeIfAbsent(day.withDayOfMonth(1) + "|" + admin1, k -> new long[2]);
                m[0]++;
                m[1] += best;
                long[] w = byWeek.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        k -> new long[2]);
                w[0]++;
                w[1] += best;
            }
        }
        Map<String, long[]> stored = new TreeMap<>();
        statistics.counts(reader, IncidentFilter.any(), Grouping.ADMIN1, Period.MONTH)
                .forEach(c -> stored.put(c.periodStart() + "|" + c.key(), new long[] {c.incidents(), c.fatalities()}));
        assertThat(stored.keySet()).isEqualTo(byMonthAndAdmin1.keySet());
        byMonthAndAdmin1.forEach((k, v) -> assertThat(stored.get(k)).as(k).containsExactly(v));
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        statistics.counts(reader, IncidentFilter.any(), Grouping.NONE, Period.WEEK)
                .forEach(c -> weeks.put(c.periodStart(), new long[] {c.incidents(), c.fatalities()}));
        assertThat(weeks.keySet()).isEqualTo(byWeek.keySet());
        byWeek.forEach((k, v) -> assertThat(weeks.get(k)).as(k.toString()).containsExactly(v));

        var places = statistics.places(reader, new IncidentFilter(null, "Deir ez Zor Governorate", null, null, null, null));
        assertThat(places.stream().mapToLong(IncidentStatistics.PlaceCount::incidents).sum()).isEqualTo(2_115);

        // every governorate UCDP names is placed on the shipped boundaries
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_incident WHERE admin1 IS NOT NULL AND admin1_code IS NULL")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT admin1_code FROM monitoring_incident WHERE admin1 = 'Deir ez Zor Governorate'")
                .query(String.class).list()).containsExactly("SY.DY");
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT admin1_code) FROM monitoring_incident").query(Long.class).single())
                .isEqualTo(14);

        // again: everything is already held
        try (InputStream in = Files.newInputStream(file)) {
            var again = (IncidentImport.Imported) imports.run(reader, in, ImportMapping.UCDP_GED, marking);
            assertThat(again.imported()).isZero();
            assertThat(again.duplicates()).isEqualTo(16_566);
        }
        assertThat(incidents.count(outsider, IncidentQuery.any())).isZero();
        assertThat(statistics.counts(outsider, IncidentFilter.any(), Grouping.ADMIN1, Period.MONTH)).isEmpty();
    }
}
