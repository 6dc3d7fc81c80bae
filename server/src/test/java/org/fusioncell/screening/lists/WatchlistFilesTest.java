package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front door tells each format from the file itself. */
class WatchlistFilesTest {

    @TempDir
    Path dir;

    @Test
    void theRealUnAndOfacFilesAreRecognisedAndRead() {
        Path un = ListTestData.shared("un-sanctions/consolidated.xml");
        Path sdnFolder = ListTestData.shared("ofac-sdn/sdn-2021");
        Path consFile = ListTestData.shared("ofac-sdn/non-sdn-consolidated-2025/cons_prim.csv");

        assertThat(WatchlistFiles.detect(un)).isEqualTo(WatchlistFormat.UN_CONSOLIDATED_XML);
        assertThat(WatchlistFiles.detect(sdnFolder)).isEqualTo(WatchlistFormat.OFAC_CSV);
        assertThat(WatchlistFiles.detect(sdnFolder.resolve("sdn.csv"))).isEqualTo(WatchlistFormat.OFAC_CSV);
        assertThat(WatchlistFiles.detect(consFile)).isEqualTo(WatchlistFormat.OFAC_CSV);
        assertThat(WatchlistFiles.read(consFile, "US-NON-SDN").source()).isEqualTo("US-NON-SDN");
    }

    @Test
    void theFollowTheMoneyAndNationalFixturesAreRecognisedAndRead() {
        Watchlist ftm = WatchlistFiles.read(ListTestData.resource("ftm-sample.jsonl"), null);
        Watchlist national = WatchlistFiles.read(ListTestData.resource("national-list.csv"), null);
        assertThat(ftm.format()).isEqualTo(WatchlistFormat.FOLLOW_THE_MONEY_JSONL);
        assertThat(ftm.entries()).hasSize(7);
        assertThat(national.format()).isEqualTo(WatchlistFormat.NATIONAL_CSV);
        assertThat(national.source()).isEqualTo("national-list");
    }

    @Test
    void jsonLinesAreRecognisedByContentWhateverTheirName() {
        Path file = ListTestData.write(dir, "entities.ftm", "{\"id\":\"1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n");
        assertThat(WatchlistFiles.detect(file)).isEqualTo(WatchlistFormat.FOLLOW_THE_MONEY_JSONL);
    }

    @Test
    void anOfacFileUnderAnotherNameGetsAHintRatherThanAWrongReading() {
        Path file = ListTestData.write(dir, "sdn-2021.csv", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n");
        assertThatThrownBy(() -> WatchlistFiles.detect(file)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("sdn-2021.csv: line 1: looks like an OFAC legacy CSV file");
    }

    @Test
    void aCsvWithoutTheNationalHeaderIsRefused() {
        Path file = ListTestData.write(dir, "people.csv", "full_name,birth\nAli,1970\n");
        assertThatThrownBy(() -> WatchlistFiles.detect(file))
                .hasMessageContaining("people.csv: line 1: a CSV file without the national list header");
    }

    @Test
    void aFolderWithoutOfacFilesAndAnUnknownFileAreRefused() {
        assertThatThrownBy(() -> WatchlistFiles.detect(dir)).hasMessageContaining("a folder without sdn.csv or cons_prim.csv");
        Path text = ListTestData.write(dir, "notes.txt", "just text\n");
        assertThatThrownBy(() -> WatchlistFiles.detect(text)).hasMessageContaining("not a list format FusionCell reads");
    }

    @Test
    void anEmptyFileIsRefusedWhateverItsName() {
        Path empty = ListTestData.write(dir, "list.xml", "");
        assertThatThrownBy(() -> WatchlistFiles.read(empty, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageEndingWith("list.xml: the file is empty");
    }

    @Test
    void xmlThatIsNotTheUnListIsRefusedByTheUnReader() {
        Path file = ListTestData.write(dir, "sdn_advanced.xml", "<?xml version=\"1.0\"?><Sanctions/>");
        assertThatThrownBy(() -> WatchlistFiles.read(file, null)).hasMessageContaining("root element is <Sanctions>");
    }

    /**
     * Not an assertion on speed (two cores shared by several builds): prints the figures docs/screening.md
     * reports — wall time and the reading thread's CPU time, first round (cold JVM) and best of the rest.
     */
    @Test
    void measuresReadingTheUnAndOfacLists() {
        Path un = ListTestData.shared("un-sanctions/consolidated.xml");
        Path sdn = ListTestData.shared("ofac-sdn/sdn-2021");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 6;
        long[][] millis = new long[4][rounds];
        int entries = 0;
        for (int round = 0; round < rounds; round++) {
            int i = 0;
            for (Path path : List.of(un, sdn)) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                entries += WatchlistFiles.read(path, null).entries().size();
                millis[i++][round] = (System.nanoTime() - wall) / 1_000_000;
                millis[i++][round] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            }
        }
        String[] labels = {"UN wall", "UN cpu", "OFAC SDN wall", "OFAC SDN cpu"};
        for (int i = 0; i < labels.length; i++) {
            System.out.printf("reading %-13s first %5d ms, best of next %d: %5d ms%n", labels[i], millis[i][0], rounds - 1,
                    LongStream.of(millis[i]).skip(1).min().orElseThrow());
        }
        assertThat(entries).isEqualTo(rounds * (1_003 + 8_976));
    }
}
