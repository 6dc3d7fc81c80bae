package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/** FtM lines written for FusionCell in OpenSanctions' shape (src/test/resources/screening/ftm-sample.jsonl). */
class FollowTheMoneyReaderTest {

    @TempDir
    Path dir;

    private final FollowTheMoneyReader reader = new FollowTheMoneyReader();

    private Map<String, WatchlistEntry> sample() {
        Watchlist list = reader.read(ListTestData.resource("ftm-sample.jsonl"), null);
        assertThat(list.source()).isEqualTo("ftm-sample");
        assertThat(list.format()).isEqualTo(WatchlistFormat.FOLLOW_THE_MONEY_JSONL);
        return list.entries().stream().collect(Collectors.toMap(WatchlistEntry::reference, Function.identity()));
    }

    @Test
    void readsPersonsOrganisationsVesselsAndAircraftAndSkipsOtherSchemas() {
        assertThat(sample()).hasSize(7).satisfies(entries -> {
            assertThat(entries.get("fc-ftm-p1").kind()).isEqualTo(Subject.Kind.PERSON);
            assertThat(entries.get("fc-ftm-o1").kind()).isEqualTo(Subject.Kind.ORGANISATION);
            assertThat(entries.get("fc-ftm-c1").kind()).isEqualTo(Subject.Kind.ORGANISATION);
            assertThat(entries.get("fc-ftm-v1").kind()).isEqualTo(Subject.Kind.VESSEL);
            assertThat(entries.get("fc-ftm-a1").kind()).isEqualTo(Subject.Kind.AIRCRAFT);
            assertThat(entries).doesNotContainKeys("fc-ftm-s1", "fc-ftm-pp1", "fc-ftm-addr1", "fc-ftm-id3");
        });
    }

    @Test
    void readsAPersonWithItsSanctionAndPassportJoinedFieldByField() {
        WatchlistEntry e = sample().get("fc-ftm-p1");

        assertThat(e.names()).containsExactly(
                new ListedName("Abu Bakr Al-Tamimi", NameQuality.PRIMARY, false),
                new ListedName("أبو بكر التميمي", NameQuality.GOOD, true),
                new ListedName("Abou Bakr el-Tamimi", NameQuality.AKA, false),
                new ListedName("Abu Bakr al Tamimi", NameQuality.AKA, false),
                new ListedName("Abu Hafs", NameQuality.LOW, false),
                new ListedName("Bakr Salim", NameQuality.FKA, false));
        assertThat(e.birthDates()).containsExactly(BirthDate.exact(LocalDate.of(1975, 3, 2)), BirthDate.year(1976));
        assertThat(e.nationalities()).as("country (here a residence) is not a nationality").containsExactly("iq", "sy", "jo");
        assertThat(e.gender()).isEqualTo(Subject.Gender.MALE);
        assertThat(e.documents()).containsExactly(new IdentityDocument("passport", "A1234567", null, null),
                new IdentityDocument("ID number", "19750302123", null, null),
                new IdentityDocument("passport", "B7654321", "iq", null));
        assertThat(e.programmes()).containsExactly("UN SC 1267", "Al-Qaida");
        assertThat(e.reason()).isEqualTo("Financier of a listed group.\nProviding financing to a listed group");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2014, 9, 23));
        assertThat(e.listingReference()).isEqualTo("QDi.999");
    }

    @Test
    void aSanctionNestedInItsEntityAndAnIdentificationBeforeItsHolderAreJoined() {
        Map<String, WatchlistEntry> entries = sample();
        WatchlistEntry fatima = entries.get("fc-ftm-p2");
        WatchlistEntry khalid = entries.get("fc-ftm-p3");

        assertThat(fatima.names()).containsExactly(new ListedName("Fatima Al-Zahrani", NameQuality.PRIMARY, false),
                new ListedName("فاطمة الزهراني", NameQuality.AKA, true));
        assertThat(fatima.birthDates()).containsExactly(new BirthDate(LocalDate.of(1988, 11, 1), LocalDate.of(1988, 11, 30)));
        assertThat(fatima.gender()).isEqualTo(Subject.Gender.FEMALE);
        assertThat(fatima.programmes()).containsExactly("Yemen");
        assertThat(fatima.reason()).isEqualTo("Facilitating attacks");
        assertThat(fatima.listedOn()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(khalid.documents()).containsExactly(new IdentityDocument("Emirates ID", "784-1980-1234567-1", "ae", null));
        assertThat(khalid.nationalities()).containsExactly("ae");
    }

    @Test
    void organisationsTakeTheirCountryAndVesselsTheirFlag() {
        Map<String, WatchlistEntry> entries = sample();
        assertThat(entries.get("fc-ftm-o1").nationalities()).containsExactly("ye");
        assertThat(entries.get("fc-ftm-o1").names()).extracting(ListedName::originalScript).containsExactly(false, true);
        assertThat(entries.get("fc-ftm-c1").nationalities()).containsExactly("ae");
        assertThat(entries.get("fc-ftm-c1").names()).extracting(ListedName::quality)
                .containsExactly(NameQuality.PRIMARY, NameQuality.FKA);
        assertThat(entries.get("fc-ftm-v1").nationalities()).containsExactly("pa");
    }

    @Test
    void aLineThatIsNotJsonIsRefusedWithItsLineAndColumn() {
        Path bad = ListTestData.write(dir, "bad.jsonl", """
                {"id":"a","schema":"Person","properties":{"name":["A"]}}

                {"id":"b","schema":"Person","properties":{"name":["B"]}
                """);
        assertThatThrownBy(() -> reader.read(bad, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("bad.jsonl: line 3, column").hasMessageContaining("not valid JSON");
    }

    @Test
    void aLineThatIsNotAnObjectIsRefused() {
        Path array = ListTestData.write(dir, "array.json", "[{\"id\":\"a\",\"schema\":\"Person\"}]\n");
        assertThatThrownBy(() -> reader.read(array, null)).hasMessageContaining("array.json: line 1: not a JSON object");
    }

    @Test
    void anEntityWithoutNameOrSchemaOrWithABadDateOrARepeatedIdIsRefused() {
        Path noName = ListTestData.write(dir, "a.jsonl", "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"alias\":[\"Q\"]}}\n");
        assertThatThrownBy(() -> reader.read(noName, null)).hasMessageContaining("line 1, entity x1")
                .hasMessageContaining("no \"name\"");
        Path noSchema = ListTestData.write(dir, "b.jsonl", "{\"id\":\"x1\",\"properties\":{}}\n");
        assertThatThrownBy(() -> reader.read(noSchema, null)).hasMessageContaining("line 1: no \"schema\"");
        Path badDate = ListTestData.write(dir, "c.jsonl",
                "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Q\"],\"birthDate\":[\"1975-13-45\"]}}\n");
        assertThatThrownBy(() -> reader.read(badDate, null)).hasMessageContaining("line 1, entity x1")
                .hasMessageContaining("birthDate: not a date of birth: '1975-13-45'");
        Path twice = ListTestData.write(dir, "d.jsonl", "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Q\"]}}\n"
                + "{\"id\":\"x1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"R\"]}}\n");
        assertThatThrownBy(() -> reader.read(twice, null)).hasMessageContaining("line 2: id x1 already used on line 1");
    }

    @Test
    void aTenThousandCharacterNameIsRefused() {
        Path huge = ListTestData.write(dir, "huge.jsonl",
                "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" + "ب".repeat(10_000) + "\"]}}\n");
        assertThatThrownBy(() -> reader.read(huge, null)).hasMessageContaining("line 1, entity x1")
                .hasMessageContaining("a name has 10000 characters, more than the limit of 1000");
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithLineAndByte() {
        byte[] latin1 = "{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"José\"]}}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[latin1.length + 1];
        content[0] = '\n';
        System.arraycopy(latin1, 0, content, 1, latin1.length);
        Path file = ListTestData.write(dir, "latin1.jsonl", content);
        assertThatThrownBy(() -> reader.read(file, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("latin1.jsonl: line 2, byte 56: not UTF-8 text (byte 0xE9)");
    }

    @Test
    void anEmptyFileIsRefused() {
        Path empty = ListTestData.write(dir, "empty.jsonl", "");
        assertThatThrownBy(() -> reader.read(empty, null)).hasMessageEndingWith("empty.jsonl: the file is empty");
    }
}
