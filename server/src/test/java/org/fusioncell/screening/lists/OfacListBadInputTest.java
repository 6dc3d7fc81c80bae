package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.ListedName;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written OFAC files in the legacy layout: its quirks, and the inputs that must be refused. */
class OfacListBadInputTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String DASHES = ",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,";

    @TempDir
    Path dir;

    private final OfacListReader reader = new OfacListReader();

    private Path sdn(String sdnRows, String altRows) {
        ListTestData.write(dir, "alt.csv", (altRows + "\u001A").getBytes(WINDOWS_1252));
        return ListTestData.write(dir, "sdn.csv", (sdnRows + "\u001A").getBytes(WINDOWS_1252));
    }

    @Test
    void windows1252QuotedCommasEmptyMarksAndTheCtrlZByteAreHandled() {
        Path file = sdn("10,\"GÓMEZ PÉREZ, José\",\"individual\",\"SDNTK\"" + DASHES + "\"DOB 1970; Gender Male.\"\r\n"
                        + "11,\"ACME, S.A.\",-0- ,\"SDGT] [IFSR\"" + DASHES + "-0- \r\n",
                "10,1,\"aka\",\"GOMEZ, Pepe\",-0- \r\n10,2,\"fka\",\"PEREZ, Jose\",\"weak\"\r\n");
        Watchlist list = reader.read(dir, "TEST");

        WatchlistEntry person = list.entries().get(0);
        WatchlistEntry company = list.entries().get(1);
        assertThat(person.names()).containsExactly(new ListedName("José GÓMEZ PÉREZ", NameQuality.PRIMARY, false),
                new ListedName("Pepe GOMEZ", NameQuality.AKA, false), new ListedName("Jose PEREZ", NameQuality.FKA, false));
        assertThat(person.gender()).isEqualTo(Subject.Gender.MALE);
        assertThat(company.kind()).isEqualTo(Subject.Kind.ORGANISATION);
        assertThat(company.names()).extracting(ListedName::name).containsExactly("ACME, S.A.");
        assertThat(company.programmes()).containsExactly("SDGT", "IFSR");
        assertThat(company.reason()).isNull();
        assertThat(list.source()).isEqualTo("TEST");
    }

    @Test
    void aMissingAliasFileIsRefusedRatherThanLosingEveryAlias() {
        Path file = ListTestData.write(dir, "sdn.csv", "10,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n");
        assertThatThrownBy(() -> reader.read(file, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("alt.csv is missing beside it");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedWithItsLine() {
        sdn("10,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n11,\"Y\",-0- ,\"SDGT\"\r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageEndingWith("sdn.csv: line 2: 4 fields, expected 12");
    }

    @Test
    void anAliasOfAnUnknownEntryIsRefused() {
        sdn("10,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n", "10,1,\"aka\",\"Z\",-0- \r\n99,2,\"aka\",\"Q\",-0- \r\n");
        assertThatThrownBy(() -> reader.read(dir, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("alt.csv: line 2: ent_num 99 is not in the primary file");
    }

    @Test
    void unknownTypesDuplicateNumbersAndBadNumbersAreRefused() {
        sdn("10,\"X\",\"submarine\",\"SDGT\"" + DASHES + "-0- \r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageContaining("sdn.csv: line 1, ent_num 10")
                .hasMessageContaining("unknown SDN_Type 'submarine'");
        sdn("10,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n10,\"Y\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageContaining("line 2: ent_num 10 already used on line 1");
        sdn("1O,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageContaining("line 1: ent_num '1O' is not a number");
    }

    @Test
    void brokenQuotingIsRefusedWithItsLine() {
        sdn("10,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n11,\"Y\"Z,-0- ,\"SDGT\"" + DASHES + "-0- \r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("sdn.csv: line 2: not valid CSV");
    }

    @Test
    void textAfterTheEndOfFileByteIsRefused() {
        ListTestData.write(dir, "alt.csv", "");
        ListTestData.write(dir, "sdn.csv", "10,\"X\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n\u001A11,\"Y\"\r\n");
        assertThatThrownBy(() -> reader.read(dir, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("text after the end-of-file byte 0x1A");
    }

    @Test
    void anEmptyNameAndATenThousandCharacterNameAreRefused() {
        sdn("10,-0- ,-0- ,\"SDGT\"" + DASHES + "-0- \r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageContaining("line 1: SDN_Name is empty");
        sdn("10,\"" + "A".repeat(10_000) + "\",-0- ,\"SDGT\"" + DASHES + "-0- \r\n", "");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageContaining("line 1, ent_num 10")
                .hasMessageContaining("a name has 10000 characters, more than the limit of 1000");
    }

    @Test
    void aFileOrFolderThatIsNoOfacSetIsRefused() {
        Path other = ListTestData.write(dir, "list.csv", "10,\"X\"\r\n");
        assertThatThrownBy(() -> reader.read(other, null)).hasMessageContaining("not an OFAC set: expected sdn.csv or cons_prim.csv");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageContaining("not an OFAC set");
    }

    @Test
    void anEmptyPrimaryFileIsRefused() {
        sdn("", "");
        ListTestData.write(dir, "sdn.csv", "");
        assertThatThrownBy(() -> reader.read(dir, null)).hasMessageEndingWith("sdn.csv: the file is empty");
    }
}
