package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.IdentityDocument;
import org.fusioncell.screening.WatchlistEntry.ListedName;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.fusioncell.screening.WatchlistFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FusionCell's national list CSV (docs/screening.md), read strictly. */
class NationalListCsvReaderTest {

    private static final String HEADER = String.join(",", NationalListCsvReader.COLUMNS) + "\n";

    @TempDir
    Path dir;

    private final NationalListCsvReader reader = new NationalListCsvReader();

    private Path csv(String content) {
        return ListTestData.write(dir, "national.csv", content);
    }

    @Test
    void readsEveryColumnOfTheDocumentedFormat() {
        Watchlist list = reader.read(ListTestData.resource("national-list.csv"), "NATIONAL-TN");
        List<WatchlistEntry> entries = list.entries();

        assertThat(list.source()).isEqualTo("NATIONAL-TN");
        assertThat(list.format()).isEqualTo(WatchlistFormat.NATIONAL_CSV);
        assertThat(entries).extracting(WatchlistEntry::reference).containsExactly("NL-0001", "NL-0002", "NL-0003", "NL-0004");
        WatchlistEntry first = entries.get(0);
        assertThat(first.kind()).isEqualTo(Subject.Kind.PERSON);
        assertThat(first.names()).containsExactly(new ListedName("Abdelkarim Ben Salah", NameQuality.PRIMARY, false),
                new ListedName("Abd al-Karim bin Salih", NameQuality.AKA, false),
                new ListedName("Abdelkrim Bensalah", NameQuality.AKA, false),
                new ListedName("عبد الكريم بن صالح", NameQuality.GOOD, true));
        assertThat(first.birthDates()).containsExactly(BirthDate.exact(LocalDate.of(1981, 4, 12)), BirthDate.year(1982));
        assertThat(first.nationalities()).containsExactly("tn", "dz");
        assertThat(first.gender()).isEqualTo(Subject.Gender.MALE);
        assertThat(first.documents()).containsExactly(new IdentityDocument("passport", "Z1234567", null, null));
        assertThat(first.listingReference()).isEqualTo("NAT-2024-001");
        assertThat(first.listedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(first.reason()).isEqualTo("Travelled to join an armed group in 2015; returned 2023.");

        assertThat(entries.get(1).birthDates()).containsExactly(BirthDate.between(BirthDate.year(1990), BirthDate.year(1992)));
        assertThat(entries.get(1).reason()).isEqualTo("Recruiter, active online.\nKnown to use several accounts.");
        assertThat(entries.get(2).kind()).isEqualTo(Subject.Kind.ORGANISATION);
        assertThat(entries.get(2).gender()).isEqualTo(Subject.Gender.UNKNOWN);
        assertThat(entries.get(3).birthDates()).containsExactly(BirthDate.exact(LocalDate.of(1975, 8, 15)));
        assertThat(entries.get(3).nationalities()).containsExactly("ma");
        assertThat(entries.get(3).reason()).isNull();
    }

    @Test
    void onlyIdAndNameAreRequiredAndColumnsMayComeInAnyOrder() {
        Watchlist list = reader.read(csv("\uFEFFname,id\r\n\"Ali, Omar\",7\r\n"), null);
        assertThat(list.source()).isEqualTo("national");
        assertThat(list.entries()).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("7");
            assertThat(e.primaryName().name()).isEqualTo("Ali, Omar");
            assertThat(e.kind()).isEqualTo(Subject.Kind.PERSON);
        });
    }

    @Test
    void unknownColumnsAreRefusedByName() {
        assertThatThrownBy(() -> reader.read(csv("id,name,dob,passport\n1,A,1970,X\n"), null))
                .isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("national.csv: line 1: unknown columns dob, passport (the columns are id,name,");
    }

    @Test
    void aMissingRequiredColumnOrValueIsRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> reader.read(csv("id,aliases\n1,A\n"), null))
                .hasMessageContaining("line 1: missing required column name");
        assertThatThrownBy(() -> reader.read(csv(HEADER + "1,Ali,,,,,,,,,,,\n2,  ,,,,,,,,,,,\n"), null))
                .hasMessageContaining("national.csv: line 3, column name: a value is required");
        assertThatThrownBy(() -> reader.read(csv("id,name\n,Ali\n"), null))
                .hasMessageContaining("line 2, column id: a value is required");
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThatThrownBy(() -> reader.read(csv("id,name\nA1,Ali\nA2,Omar\nA1,Said\n"), null))
                .hasMessageContaining("line 4, column id: id A1 is already used on line 2");
    }

    @Test
    void badValuesAreRefusedNamingTheirColumn() {
        assertThatThrownBy(() -> reader.read(csv("id,name,date_of_birth\n1,Ali,1970-02-30\n"), null))
                .hasMessageContaining("line 2, column date_of_birth: not a date of birth: '1970-02-30'");
        assertThatThrownBy(() -> reader.read(csv("id,name,nationality\n1,Ali,Atlantis\n"), null))
                .hasMessageContaining("line 2, column nationality: 'Atlantis' is not a country FusionCell knows");
        assertThatThrownBy(() -> reader.read(csv("id,name,kind\n1,Ali,group\n"), null))
                .hasMessageContaining("line 2, column kind: 'group' is not a kind");
        assertThatThrownBy(() -> reader.read(csv("id,name,gender\n1,Ali,x\n"), null))
                .hasMessageContaining("line 2, column gender: 'x' is not a gender");
        assertThatThrownBy(() -> reader.read(csv("id,name,listed_on\n1,Ali,01/02/2024\n"), null))
                .hasMessageContaining("line 2, column listed_on: not a date (YYYY-MM-DD): '01/02/2024'");
        assertThatThrownBy(() -> reader.read(csv("id,name,document_type\n1,Ali,passport\n"), null))
                .hasMessageContaining("line 2, column document_number: document_type is given without a document number");
    }

    @Test
    void aRecordSpanningLinesIsNamedByItsFirstLine() {
        assertThatThrownBy(() -> reader.read(csv("id,name,reason,gender\r\n1,Ali,\"first\r\nsecond\r\nthird\",m\r\n"
                + "2,Omar,\"one\ntwo\",x\r\n"), null))
                .hasMessageContaining("national.csv: line 5, column gender: 'x' is not a gender");
    }

    @Test
    void aRowWithTooManyFieldsIsRefused() {
        assertThatThrownBy(() -> reader.read(csv("id,name\n1,Ali,extra\n"), null))
                .hasMessageContaining("line 2: 3 fields, the header has 2");
    }

    @Test
    void aTenThousandCharacterNameIsRefused() {
        assertThatThrownBy(() -> reader.read(csv("id,name\n1," + "x".repeat(10_000) + "\n"), null))
                .hasMessageContaining("line 2, column name: a name has 10000 characters, more than the limit of 1000")
                .hasMessageNotContaining("xxxx");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithLineAndByte() {
        Path latin1 = ListTestData.write(dir, "latin1.csv", "id,name\n1,Ali\n2,Hélène\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> reader.read(latin1, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("latin1.csv: line 3, byte 4: not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutEntriesAreRefused() {
        assertThatThrownBy(() -> reader.read(csv(""), null)).hasMessageEndingWith("national.csv: the file is empty");
        assertThatThrownBy(() -> reader.read(csv("id,name\n"), null)).hasMessageEndingWith("national.csv: a header but no entries");
    }

    @Test
    void brokenQuotingIsRefusedWithItsLine() {
        assertThatThrownBy(() -> reader.read(csv("id,name\n1,\"Ali\"x\n"), null))
                .hasMessageContaining("line 2: not valid CSV");
    }
}
