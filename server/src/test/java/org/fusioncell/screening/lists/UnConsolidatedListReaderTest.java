package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The real UN Consolidated List (../shared/data/un-sanctions, dateGenerated 2026-02-27). */
class UnConsolidatedListReaderTest {

    private static Path file;
    private static Watchlist list;
    private static Map<String, WatchlistEntry> byReference;

    @BeforeAll
    static void readTheList() {
        file = ListTestData.shared("un-sanctions/consolidated.xml");
        list = new UnConsolidatedListReader().read(file, null);
        byReference = list.entries().stream().collect(Collectors.toMap(WatchlistEntry::reference, Function.identity()));
    }

    @Test
    void readsEveryIndividualAndEntityWithTheListsVersion() {
        assertThat(list.source()).isEqualTo("UN");
        assertThat(list.format()).isEqualTo(WatchlistFormat.UN_CONSOLIDATED_XML);
        assertThat(list.version()).isEqualTo("2026-02-27T00:00:09.554Z");
        assertThat(list.generatedAt()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        Map<Subject.Kind, Long> kinds = list.entries().stream()
                .collect(Collectors.groupingBy(WatchlistEntry::kind, Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(Subject.Kind.PERSON, 730L, Subject.Kind.ORGANISATION, 273L));
        assertThat(byReference).hasSize(1003);
        assertThat(list.entries()).allSatisfy(e -> {
            assertThat(e.primaryName().quality()).isEqualTo(NameQuality.PRIMARY);
            assertThat(e.names()).allSatisfy(n -> assertThat(n.name()).isNotBlank().doesNotContain("  "));
            assertThat(e.listingReference()).matches("[A-Z]{2}[ie]\\.\\d{3}");
            assertThat(e.programmes()).hasSize(1);
            assertThat(e.listedOn()).isNotNull();
        });
    }

    @Test
    void readsAnAlQaidaListingWithArabicNameAliasesAndABetweenDateFieldByField() {
        WatchlistEntry e = byReference.get("3012888");
        assertThat(e.kind()).isEqualTo(Subject.Kind.PERSON);
        assertThat(e.listingReference()).isEqualTo("QDi.314");
        assertThat(e.names()).containsExactly(
                new ListedName("ABDERRAHMANE OULD EL AMAR", NameQuality.PRIMARY, false),
                new ListedName("عبد الرحمن ولد العامر", NameQuality.GOOD, true),
                new ListedName("Ahmed el Tilemsi", NameQuality.GOOD, false),
                new ListedName("Abderrahmane Ould el Amar Ould Sidahmed Loukbeiti", NameQuality.GOOD, false),
                new ListedName("Ahmad Ould Amar", NameQuality.GOOD, false));
        assertThat(e.birthDates()).containsExactly(new BirthDate(LocalDate.of(1977, 1, 1), LocalDate.of(1982, 12, 31)));
        assertThat(e.nationalities()).containsExactly("ml");
        assertThat(e.gender()).isEqualTo(Subject.Gender.UNKNOWN);
        assertThat(e.documents()).isEmpty();
        assertThat(e.programmes()).containsExactly("Al-Qaida");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2013, 2, 22));
        assertThat(e.reason()).startsWith("Reportedly deceased as of December 2014.")
                .endsWith("View-UN-Notices-Individuals");
    }

    @Test
    void readsAnIraqListingWithItsPassportFieldByField() {
        WatchlistEntry e = byReference.get("6908072");
        assertThat(e.listingReference()).isEqualTo("IQi.025");
        assertThat(e.names()).containsExactly(
                new ListedName("TARIQ AZIZ", NameQuality.PRIMARY, false),
                new ListedName("طارق عزيز", NameQuality.GOOD, true),
                new ListedName("Tariq Mikhail Aziz", NameQuality.GOOD, false));
        assertThat(e.birthDates()).containsExactly(BirthDate.exact(LocalDate.of(1936, 7, 1)));
        assertThat(e.nationalities()).containsExactly("iq");
        assertThat(e.documents()).containsExactly(new IdentityDocument("Passport", "No34409/129", null, "(July 1997)"));
        assertThat(e.programmes()).containsExactly("Iraq");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2003, 6, 27));
        assertThat(e.reason()).isNull();
    }

    @Test
    void everyArabicOriginalScriptNameOfAnIndividualComesThrough() throws IOException {
        String xml = Files.readString(file);
        String individuals = xml.substring(xml.indexOf("<INDIVIDUALS>"), xml.indexOf("</INDIVIDUALS>"));
        Matcher original = Pattern.compile("<NAME_ORIGINAL_SCRIPT>([^<]*)</NAME_ORIGINAL_SCRIPT>").matcher(individuals);
        Set<String> arabic = new HashSet<>();
        while (original.find()) {
            String name = EntryNames.collapse(original.group(1));
            if (name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                arabic.add(name);
            }
        }
        List<ListedName> read = list.entries().stream().filter(e -> e.kind() == Subject.Kind.PERSON)
                .flatMap(e -> e.names().stream()).filter(ListedName::originalScript).toList();
        long readArabicEntries = list.entries().stream().filter(e -> e.kind() == Subject.Kind.PERSON)
                .filter(e -> e.names().stream()
                .anyMatch(n -> n.originalScript() && n.name().matches(".*\\p{IsArabic}.*"))).count();

        assertThat(readArabicEntries).as("individuals with an Arabic original-script name (PROVENANCE.md)").isEqualTo(327);
        assertThat(read.stream().map(ListedName::name).collect(Collectors.toSet())).containsAll(arabic);
    }

    @Test
    void aliasQualitiesFollowTheListsRatings() {
        // counted with a separate script over the same file: non-empty aliases, each distinct within its entry
        Map<String, Long> counts = list.entries().stream().flatMap(e -> e.names().stream())
                .collect(Collectors.groupingBy(n -> n.originalScript() ? "ORIGINAL" : n.quality().name(),
                        Collectors.counting()));
        assertThat(counts).containsEntry("PRIMARY", 1003L).containsEntry("ORIGINAL", 377L)
                .containsEntry("GOOD", 1514L).containsEntry("LOW", 615L).containsEntry("AKA", 594L)
                .containsEntry("FKA", 18L);
    }

    @Test
    void nationalitiesGendersAndDocumentsAreRead() {
        long male = list.entries().stream().filter(e -> e.gender() == Subject.Gender.MALE).count();
        long female = list.entries().stream().filter(e -> e.gender() == Subject.Gender.FEMALE).count();
        assertThat(male).isEqualTo(52);
        assertThat(female).isEqualTo(2);
        assertThat(list.entries().stream().mapToInt(e -> e.documents().size()).sum())
                .as("INDIVIDUAL_DOCUMENTs with a NUMBER").isEqualTo(454);
        assertThat(list.entries().stream().flatMap(e -> e.nationalities().stream()))
                .allSatisfy(code -> assertThat(code).matches("[a-z]{2}"))
                .contains("af", "iq", "kp", "sy", "ps", "gb", "tr");
        assertThat(list.entries().stream().filter(e -> e.birthDates().isEmpty() && e.kind() == Subject.Kind.PERSON).count())
                .as("individuals without any readable date of birth").isLessThan(60);
    }
}
