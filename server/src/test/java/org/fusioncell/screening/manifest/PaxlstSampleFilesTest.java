package org.fusioncell.screening.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GTAS sample messages (../shared/data/paxlst-pnrgov, US CBP's test data; see its PROVENANCE.md)
 * read in place. Expected values were read off the files by hand.
 */
class PaxlstSampleFilesTest {

    private static Path dir;
    private final PaxlstReader tolerant = PaxlstReader.tolerant();
    private final PaxlstReader strict = PaxlstReader.strict();

    @BeforeAll
    static void data() {
        dir = Paths.get(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("paxlst-pnrgov");
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("apis-paxlst")),
                "SKIPPED: the GTAS PAXLST samples (../shared/data/paxlst-pnrgov) are absent");
    }

    private static byte[] file(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    private Manifest only(String name) throws IOException {
        List<Manifest> manifests = tolerant.read(file("apis-paxlst/" + name));
        assertThat(manifests).hasSize(1);
        return manifests.getFirst();
    }

    @ParameterizedTest(name = "{0}: {1} travellers, {2} documents")
    @CsvSource({
        "loader__Test1.txt, 8, 8, PAXLST:D:02B",
        "loader__Test3.txt, 260, 260, PAXLST:D:02B",
        "loader__airline2.edi, 10, 10, PAXLST:D:02B",
        "loader__multiple_flight_leg_apis.txt, 2, 2, PAXLST:D:05B",
        "parsers__apisMessage.txt, 2, 0, PAXLST:D:05B"})
    void everySampleIsReadWithItsTravellersAndDocuments(String name, int travellers, int documents, String type)
            throws IOException {
        Manifest manifest = only(name);

        assertThat(manifest.messageType()).isEqualTo(type);
        assertThat(manifest.travellers()).hasSize(travellers);
        assertThat(manifest.travellers().stream().mapToInt(t -> t.documents().size()).sum()).isEqualTo(documents);
        assertThat(manifest.travellers()).extracting(Traveller::position)
                .containsExactlyElementsOf(Stream.iterate(1, i -> i + 1).limit(travellers).toList());
        assertThat(manifest.travellers()).allSatisfy(t -> {
            assertThat(t.surname()).isNotBlank();
            assertThat(t.birthDate()).isNotNull();
            assertThat(t.gender()).isNotEqualTo(Subject.Gender.UNKNOWN);
        });
    }

    @Test
    void test1IsACrewListWithoutUnaWhoseControlTotalsAreWrong() throws IOException {
        Manifest manifest = only("loader__Test1.txt");

        assertThat(manifest.messageReference()).isEqualTo("1402010600");
        assertThat(manifest.flight()).isEqualTo(new Flight("UA", "UA0989", "FRA", LocalDateTime.of(2017, 1, 27, 17, 25),
                "IAD", LocalDateTime.of(2017, 1, 28, 7, 10)));
        assertThat(manifest.travellers()).extracting(Traveller::role).containsOnly(Traveller.Role.CREW);
        Traveller first = manifest.travellers().getFirst();
        assertThat(first.surname()).isEqualTo("Steur");
        assertThat(first.givenNames()).containsExactly("Andrea", "Pat");
        assertThat(first.fullName()).isEqualTo("Andrea Pat Steur");
        assertThat(first.gender()).isEqualTo(Subject.Gender.FEMALE);
        assertThat(first.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1978, 7, 6)));
        assertThat(first.nationality()).isEqualTo("gb");
        assertThat(first.residence()).isEqualTo("GBR");
        assertThat(first.birthPlace()).isEqualTo("Hartford USA");
        assertThat(first.embarkation()).isEqualTo("FRA");
        assertThat(first.disembarkation()).isEqualTo("IAD");
        // DTM+36:610218 in a message of 2014: 2061 is nearer than 1961
        assertThat(first.documents()).containsExactly(new TravelDocument("P", "123456789", "gb", LocalDate.of(2061, 2, 18)));
        assertThat(manifest.irregularities()).extracting(Irregularity::toString).containsExactly(
                "segment 109 (UNT): message declares 152 segments, found 107",
                "segment 110 (UNE): group reference '1402010600' differs from the header's '1403010600'",
                "segment 111 (UNZ): interchange reference '1402010600' differs from the header's '1403010600'");
    }

    @Test
    void test3DecodesTheAccentedNameFromItsNonUtf8Bytes() throws IOException {
        Manifest manifest = only("loader__Test3.txt");

        // byte 0x87 between "Nov" and "k": "á" in Mac Roman (a C1 control in ISO-8859-1, "‡" in Windows-1252)
        Traveller novak = manifest.travellers().get(70);
        assertThat(novak.position()).isEqualTo(71);
        assertThat(novak.surname()).isEqualTo("Novák");
        assertThat(novak.fullName()).isEqualTo("Jeffrey Pat Novák");
        assertThat(novak.gender()).isEqualTo(Subject.Gender.MALE);
        assertThat(novak.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1977, 12, 28)));
        assertThat(novak.nationality()).isEqualTo("gb");
        assertThat(novak.documents()).containsExactly(new TravelDocument("P", "12345678", "gb", LocalDate.of(2020, 2, 26)));
        assertThat(manifest.travellers()).extracting(Traveller::surname).allMatch(s -> s.chars().allMatch(Character::isLetter));
        assertThat(manifest.irregularities()).extracting(Irregularity::toString).containsExactly(
                "segment 853 (NAD): the bytes are not UTF-8; read as x-MacRoman, under which every non-ASCII byte is a letter",
                "segment 3134 (UNT): message declares 99 segments, found 3131");
    }

    @Test
    void airline2WithStarAndDollarSeparatorsAndCrlfIsRead() throws IOException {
        Manifest manifest = only("loader__airline2.edi");

        assertThat(manifest.flight()).isEqualTo(new Flight("TN", "TN506", "BRE", LocalDateTime.of(2014, 5, 11, 13, 40),
                "YEU", LocalDateTime.of(2014, 5, 11, 17, 0)));
        Traveller last = manifest.travellers().getLast();
        assertThat(last.position()).isEqualTo(10);
        assertThat(last.role()).isEqualTo(Traveller.Role.PASSENGER);
        assertThat(last.surname()).isEqualTo("LOWE");
        assertThat(last.givenNames()).containsExactly("DANIEL");
        assertThat(last.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1954, 10, 16)));
        assertThat(last.nationality()).isEqualTo("us");
        assertThat(last.embarkation()).isEqualTo("BRE");
        assertThat(last.disembarkation()).isEqualTo("YEU");
        assertThat(last.documents()).containsExactly(new TravelDocument("P", "153284238", "us", LocalDate.of(2018, 2, 21)));
        assertThat(manifest.irregularities()).extracting(Irregularity::toString).containsExactly(
                "segment 114 (UNT): message declares 121 segments, found 111",
                "segment 114 (UNT): message reference '140211180 0' differs from the header's '1402111800'");
    }

    @Test
    void multipleFlightLegsKeepTheBorderCrossingLegAsTheFlight() throws IOException {
        Manifest manifest = only("loader__multiple_flight_leg_apis.txt");

        assertThat(manifest.legs()).extracting(f -> f.departureAirport() + "-" + f.arrivalAirport())
                .containsExactly("MIA-IAD", "IAD-JFK", "JFK-CDG");
        assertThat(manifest.flight()).isEqualTo(new Flight("QQ", "QQ827", "JFK", LocalDateTime.of(2008, 8, 10, 20, 0),
                "CDG", LocalDateTime.of(2008, 8, 11, 6, 30)));
        Traveller lang = manifest.travellers().get(1);
        assertThat(lang.fullName()).isEqualTo("KRISTIN LANG");
        assertThat(lang.gender()).isEqualTo(Subject.Gender.FEMALE);
        assertThat(lang.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1960, 6, 6)));
        assertThat(lang.nationality()).isEqualTo("es");
        assertThat(lang.residence()).isEqualTo("ESP");
        assertThat(lang.documents()).containsExactly(new TravelDocument("P", "TRQWE99800", "es", LocalDate.of(2009, 9, 16)));
        // the file ends with "13Nov09" after UNZ
        assertThat(manifest.irregularities()).extracting(Irregularity::toString)
                .containsExactly("segment 51 (UNZ): 7 characters of text after the end of the interchange ignored");
    }

    @Test
    void apisMessageWithRoutingLegsOnlyReportsItsLastLeg() throws IOException {
        Manifest manifest = only("parsers__apisMessage.txt");

        assertThat(manifest.irregularities()).isEmpty();
        assertThat(manifest.legs()).extracting(Flight::flightNumber).containsExactly("AA123", "AA124");
        assertThat(manifest.flight()).isEqualTo(new Flight("AA", "AA124", "ORD", LocalDateTime.of(2007, 2, 19, 18, 40),
                "JFK", LocalDateTime.of(2007, 2, 19, 19, 55)));
        Traveller cheryl = manifest.travellers().get(1);
        assertThat(cheryl.fullName()).isEqualTo("CHERYL CLARK");
        assertThat(cheryl.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1973, 4, 7)));
        assertThat(cheryl.embarkation()).isEqualTo("ORD");
        assertThat(cheryl.nationality()).isNull();
        assertThat(cheryl.documents()).isEmpty();
        assertThat(strict.read(file("apis-paxlst/parsers__apisMessage.txt"))).isEqualTo(List.of(manifest));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "loader__Test1.txt | segment 109 (UNT): message declares 152 segments, found 107",
        "loader__Test3.txt | segment 3134 (UNT): message declares 99 segments, found 3131",
        "loader__airline2.edi | segment 114 (UNT): message declares 121 segments, found 111",
        "loader__multiple_flight_leg_apis.txt | segment 51 (UNZ): 7 characters of text after the end of the interchange"})
    void strictReaderRefusesTheSamplesWhoseEnvelopeDisagrees(String name, String message) {
        assertThatThrownBy(() -> strict.read(file("apis-paxlst/" + name)))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void brokenSamplesAreRefusedWithSegmentAndReason() throws IOException {
        String test1 = new String(file("apis-paxlst/loader__Test1.txt"), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> tolerant.read(test1.replaceFirst("DTM\\+329:780706", "DTM+329:7513x2")
                .getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("segment 14 (DTM): date of birth '7513x2' is not YYMMDD");

        String apis = new String(file("apis-paxlst/parsers__apisMessage.txt"), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> strict.read(apis.replace("UNT+33+", "UNT+32+").getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("segment 36 (UNT): message declares 32 segments, found 33");
        assertThatThrownBy(() -> strict.read(apis.replace("NAD+FL+++CLARK:CHERYL'", "NAD+FL'")
                .getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("segment 28 (NAD): passenger without a surname (NAD party name is empty)");
        assertThatThrownBy(() -> strict.read(apis.substring(0, apis.length() / 2).getBytes(StandardCharsets.US_ASCII)))
                .hasMessageEndingWith("the interchange is truncated");
    }

    @Test
    void pnrgovFilesAreRefusedAsNotPaxlst() throws IOException {
        assertThatThrownBy(() -> tolerant.read(file("pnrgov/loader__pnr1.txt")))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessage("segment 2 (UNH): not a PAXLST message but PNRGOV:10:1; "
                        + "this reader reads PAXLST (API) manifests only");
        try (Stream<Path> files = Files.list(dir.resolve("pnrgov"))) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSize(31);
            for (Path pnr : all) {
                String name = pnr.getFileName().toString();
                var refusal = assertThatThrownBy(() -> tolerant.read(Files.readAllBytes(pnr)))
                        .as(name).isInstanceOf(ManifestFormatException.class);
                // two files have a malformed UNA (5 characters; a typographic apostrophe) and fail before UNH
                if (!name.equals("loader__codeshare.edi") && !name.equals("loader__infant.edi")) {
                    refusal.hasMessageContaining("(UNH): not a PAXLST message but PNRGOV:");
                }
            }
        }
    }
}
