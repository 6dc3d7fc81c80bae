package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real OFAC legacy CSV sets (../shared/data/ofac-sdn): the 2021 SDN list and the 2025 non-SDN list. */
class OfacListReaderTest {

    private final OfacListReader reader = new OfacListReader();
    private static Watchlist sdn;

    @BeforeAll
    static void readTheSdnList() {
        sdn = new OfacListReader().read(ListTestData.shared("ofac-sdn/sdn-2021"), null);
    }

    private static Map<String, WatchlistEntry> byReference(Watchlist list) {
        return list.entries().stream().collect(Collectors.toMap(WatchlistEntry::reference, Function.identity()));
    }

    @Test
    void readsEverySdnEntryWithItsAliasesJoined() {
        assertThat(sdn.source()).isEqualTo("OFAC-SDN");
        assertThat(sdn.format()).isEqualTo(WatchlistFormat.OFAC_CSV);
        assertThat(sdn.version()).isNull();
        assertThat(sdn.entries()).hasSize(8_976);
        assertThat(sdn.entries().stream().collect(Collectors.groupingBy(WatchlistEntry::kind, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Subject.Kind.PERSON, 4_620L, Subject.Kind.ORGANISATION, 3_673L,
                        Subject.Kind.VESSEL, 406L, Subject.Kind.AIRCRAFT, 277L));
        // alt.csv has 11,910 rows: 11,523 aka + 18 nka; 6 aka repeat a name the entry already has (a separate count)
        long aka = sdn.entries().stream().flatMap(e -> e.names().stream()).filter(n -> n.quality() == NameQuality.AKA).count();
        assertThat(aka).isEqualTo(11_535);
        assertThat(sdn.entries().stream().filter(e -> e.programmes().contains("SDGT")).count()).isEqualTo(1_709);
        assertThat(sdn.entries()).allSatisfy(e -> assertThat(e.names()).allSatisfy(n -> assertThat(n.name())
                .doesNotContain("-0-").doesNotContain("\u001A")));
    }

    @Test
    void readsAHamasLeaderInNaturalNameOrderWithAllHisAliases() {
        // read again through the file itself rather than its folder
        WatchlistEntry e = byReference(reader.read(ListTestData.shared("ofac-sdn/sdn-2021/sdn.csv"), null)).get("23627");

        assertThat(e.kind()).isEqualTo(Subject.Kind.PERSON);
        assertThat(e.names()).extracting(ListedName::name).containsExactly("Ismail HANIYEH",
                "Ismail Abdel Salam Ahmed HANIYEH", "Ismail HANIYA", "Ismail HANIYAH", "Ismail HANIYYAH",
                "Ismael HANIYAH", "Ismael HANIYA", "Ismayil HANIYEH", "Ismail HANIEH");
        assertThat(e.names().subList(1, e.names().size())).allSatisfy(n -> assertThat(n.quality()).isEqualTo(NameQuality.AKA));
        assertThat(e.birthDates()).containsExactly(BirthDate.year(1962));
        assertThat(e.gender()).isEqualTo(Subject.Gender.MALE);
        assertThat(e.programmes()).containsExactly("SDGT");
        assertThat(e.reason()).isEqualTo("DOB 1962; POB Shati refugee camp, Gaza Strip; Gender Male.");
        assertThat(e.listedOn()).isNull();
    }

    @Test
    void readsThePalestinianLegislativeCouncilEntry9639FromTheNonSdnList() {
        Watchlist cons = reader.read(ListTestData.shared("ofac-sdn/non-sdn-consolidated-2025"), null);
        WatchlistEntry e = byReference(cons).get("9639");

        assertThat(cons.source()).isEqualTo("OFAC-CONS");
        assertThat(cons.entries()).hasSize(442);
        assertThat(e.names()).containsExactly(
                new ListedName("Ismail Abdul Salah HANIYA", NameQuality.PRIMARY, false),
                new ListedName("Ismail HANIYA", NameQuality.AKA, false),
                new ListedName("Ismaeel HANIYYA", NameQuality.AKA, false));
        assertThat(e.birthDates()).containsExactly(BirthDate.year(1962));
        assertThat(e.programmes()).containsExactly("NS-PLC");
    }

    @Test
    void remarksCutAt1000CharactersAreCompletedFromTheCommentsFile() {
        WatchlistEntry e = byReference(sdn).get("29703");
        // "Passport 4005504207 (Russia)" stands only in sdn_comments.csv
        assertThat(e.reason()).endsWith("Passport 4005504207 (Russia).");
        assertThat(e.documents()).contains(new IdentityDocument("Passport", "4005504207", "ru", null));
    }

    @Test
    void multiProgrammeFieldsAndWeakAliasesInRemarksAreRead() {
        Map<String, WatchlistEntry> entries = byReference(sdn);
        assertThat(entries.get("306").names()).containsExactly(
                new ListedName("BANCO NACIONAL DE CUBA", NameQuality.PRIMARY, false),
                new ListedName("NATIONAL BANK OF CUBA", NameQuality.AKA, false),
                new ListedName("BNC", NameQuality.LOW, false));
        assertThat(entries.values().stream().filter(e -> e.programmes().size() > 1)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.programmes()).allSatisfy(p -> assertThat(p).doesNotContain("[", "]")));
        assertThat(entries.values().stream().filter(e -> e.programmes().containsAll(java.util.List.of("SDGT", "IFSR"))).count())
                .isGreaterThanOrEqualTo(183);
    }

    @Test
    void identityDetailsInRemarksAreReadAcrossTheList() {
        long withDob = sdn.entries().stream().filter(e -> !e.birthDates().isEmpty()).count();
        long persons = sdn.entries().stream().filter(e -> e.kind() == Subject.Kind.PERSON).count();
        long withNationality = sdn.entries().stream().filter(e -> !e.nationalities().isEmpty()).count();
        long passports = sdn.entries().stream().flatMap(e -> e.documents().stream())
                .filter(d -> d.type().equals("Passport")).count();

        assertThat(withDob).as("entries with a readable DOB").isGreaterThan(persons * 9 / 10);
        assertThat(withNationality).isGreaterThan(2_000);
        assertThat(passports).as("Passport statements in remarks: 1,537 in SDN and non-SDN together").isGreaterThan(1_400);
        assertThat(sdn.entries().stream().flatMap(e -> e.nationalities().stream()))
                .allSatisfy(code -> assertThat(code).matches("[a-z]{2}")).contains("kp", "sy", "ir", "iq");
    }
}
