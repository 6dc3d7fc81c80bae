package org.fusioncell.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;
import org.fusioncell.screening.ListImport;
import org.fusioncell.screening.Screening;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.ScreeningResult;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Figures for docs/benchmarks.md with the real UN and OFAC SDN lists on H2: importing them (and an
 * identical re-import), building their indexes, audited single queries of UN aliases, and a batch of
 * 1,000 rows. Prints the figures; asserts only what the figures rely on.
 */
@FusionCellTest
@TestPropertySource(properties = "fusioncell.test.context=ScreeningMeasurementTest")
@DirtiesContext
class ScreeningMeasurementTest {

    private static final Logger log = LoggerFactory.getLogger(ScreeningMeasurementTest.class);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Readers readers;
    @Autowired
    Watchlists watchlists;
    @Autowired
    Screening screening;
    @Autowired
    ListIndexes indexes;

    @Test
    void measuresImportingIndexingAndScreeningWithTheUnAndOfacLists() {
        Path data = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"));
        Path un = data.resolve("un-sanctions/consolidated.xml");
        Path ofac = data.resolve("ofac-sdn/sdn-2021");
        Assumptions.assumeTrue(Files.isRegularFile(un) && Files.isDirectory(ofac), "the UN and OFAC lists are not under "
                + data + "; set FUSIONCELL_TEST_DATA");
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation(OrganisationType.STATE_AGENCY);
        Reader officer = readers.forUser(fx.user(org, "SECRET", Set.of(Role.SCREENING_OFFICER), Set.of()), "measuring");
        Watchlist unList = WatchlistFiles.read(un, "UN");
        Watchlist ofacList = WatchlistFiles.read(ofac, "OFAC-SDN");

        long t = System.nanoTime();
        String unId = ((ListImport.Imported) watchlists.importVersion(officer, "UN", unList, null)).version().listId();
        long unImport = ms(t);
        t = System.nanoTime();
        String ofacId = ((ListImport.Imported) watchlists.importVersion(officer, "OFAC-SDN", ofacList, null)).version()
                .listId();
        long ofacImport = ms(t);
        t = System.nanoTime();
        assertThat(watchlists.importVersion(officer, "OFAC-SDN", WatchlistFiles.read(ofac, "OFAC-SDN"), null))
                .isInstanceOf(ListImport.Unchanged.class);
        long ofacAgain = ms(t);
        t = System.nanoTime();
        indexes.rebuild(unId);
        long unIndex = ms(t);
        t = System.nanoTime();
        indexes.rebuild(ofacId);
        long ofacIndex = ms(t);

        List<String> aliases = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (WatchlistEntry e : unList.entries()) {
            e.names().stream().skip(1).findFirst().ifPresent(n -> {
                aliases.add(n.name());
                references.add(e.reference());
            });
        }
        // the engine alone over both lists' indexes, warmed up, for comparison with the audited queries
        var both = List.of(indexes.of(unId).orElseThrow(), indexes.of(ofacId).orElseThrow());
        for (int i = 0; i < aliases.size(); i++) {
            Screener.screen(both, ScreeningQuery.named(aliases.get(i)).subject("q"), 0.8, 10);
        }
        long[] engine = new long[aliases.size()];
        for (int i = 0; i < aliases.size(); i++) {
            long q = System.nanoTime();
            Screener.screen(both, ScreeningQuery.named(aliases.get(i)).subject("q"), 0.8, 10);
            engine[i] = (System.nanoTime() - q) / 1000;
        }
        Arrays.sort(engine);
        int n = Math.min(500, aliases.size());
        long[] micros = new long[n];
        int first = 0;
        for (int i = 0; i < n; i++) {
            long q = System.nanoTime();
            ScreeningResult r = screening.query(officer, ScreeningQuery.named(aliases.get(i)), null);
            micros[i] = (System.nanoTime() - q) / 1000;
            // the same person is often on both lists: rank 1 among the UN list's candidates
            var fromUn = r.candidates().stream().filter(c -> c.listId().equals(unId)).findFirst();
            if (fromUn.isPresent() && fromUn.get().entryReference().equals(references.get(i))) {
                first++;
            }
        }
        Arrays.sort(micros);
        List<Integer> lines = new ArrayList<>();
        List<ScreeningQuery> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(i + 2);
            rows.add(ScreeningQuery.named(aliases.get(i % aliases.size()) + (i % 3 == 0 ? "" : " Tahar")));
        }
        t = System.nanoTime();
        var run = screening.screenBatch(officer, "measure.csv", lines, rows, null, null);
        long batch = ms(t);
        log.info("engine alone over UN + OFAC: {} queries p50 {} µs p90 {} µs p99 {} µs", engine.length,
                engine[engine.length / 2], engine[engine.length * 9 / 10], engine[engine.length * 99 / 100]);
        log.info("""
                        screening figures: UN import {} ms ({} entries), OFAC SDN import {} ms ({} entries), \
                        OFAC identical re-import {} ms, UN index {} ms, OFAC index {} ms; {} audited UN-alias queries \
                        p50 {} µs p90 {} µs p99 {} µs max {} µs, {} with their own UN entry first among the UN list's; batch of 1,000 rows {} ms \
                        ({} hits)""",
                unImport, unList.entries().size(), ofacImport, ofacList.entries().size(), ofacAgain, unIndex, ofacIndex,
                n, micros[n / 2], micros[n * 9 / 10], micros[n * 99 / 100], micros[n - 1], first, batch, run.hits());
        assertThat(first).isGreaterThan(n * 9 / 10);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
