package org.fusioncell.screening.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.junit.jupiter.api.Test;

/** The reader against small messages written for the purpose; the GTAS samples are in PaxlstSampleFilesTest. */
class PaxlstReaderTest {

    /** One message, one passenger and one crew member; prepared 1 March 2024. Segment numbers in comments. */
    static final String MESSAGE = String.join("\n",
            "UNA:+.? '",                                   // 1
            "UNB+UNOA:4+CARRIER:ZZ+RECEIVER:ZZ+240301:0600+REF1++APIS'", // 2
            "UNH+MSG1+PAXLST:D:05B:UN:IATA'",              // 3
            "BGM+745'",
            "NAD+MS+++OPERATIONS CENTRE'",
            "TDT+20+XY123+++XY'",
            "LOC+125+CDG'",
            "DTM+189:2403011000:201'",
            "LOC+87+JFK'",
            "DTM+232:2403011300:201'",                     // 10
            "NAD+FL+++DOE:JANE:MARIE'",
            "ATT+2++F'",
            "DTM+329:850412'",                             // 13
            "LOC+174+FRA'",
            "LOC+178+CDG'",
            "LOC+179+JFK'",
            "LOC+180+:::Lyon Saint Exupery'",
            "NAT+2+FRA'",
            "DOC+P:110:111+12AB34567'",
            "DTM+36:300101'",                              // 20
            "LOC+91+FRA'",
            "NAD+FM+++O?'NEIL:SEAN'",                      // 22
            "ATT+2++M'",
            "DTM+329:240302'",
            "NAT+2+IRL'",
            "CNT+42:1'",
            "UNT+25+MSG1'",                                // 27
            "UNZ+1+REF1'");

    private final PaxlstReader strict = PaxlstReader.strict();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPassengerIsReadFieldByField() {
        List<Manifest> manifests = strict.read(bytes(MESSAGE));

        assertThat(manifests).hasSize(1);
        Manifest manifest = manifests.getFirst();
        assertThat(manifest.messageReference()).isEqualTo("MSG1");
        assertThat(manifest.messageType()).isEqualTo("PAXLST:D:05B");
        assertThat(manifest.irregularities()).isEmpty();
        assertThat(manifest.flight()).isEqualTo(new Flight("XY", "XY123", "CDG", LocalDateTime.of(2024, 3, 1, 10, 0),
                "JFK", LocalDateTime.of(2024, 3, 1, 13, 0)));
        Traveller jane = manifest.travellers().getFirst();
        assertThat(jane.position()).isEqualTo(1);
        assertThat(jane.role()).isEqualTo(Traveller.Role.PASSENGER);
        assertThat(jane.surname()).isEqualTo("DOE");
        assertThat(jane.givenNames()).containsExactly("JANE", "MARIE");
        assertThat(jane.fullName()).isEqualTo("JANE MARIE DOE");
        assertThat(jane.gender()).isEqualTo(Subject.Gender.FEMALE);
        assertThat(jane.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1985, 4, 12)));
        assertThat(jane.nationality()).isEqualTo("fr");
        assertThat(jane.residence()).isEqualTo("FRA");
        assertThat(jane.birthPlace()).isEqualTo("Lyon Saint Exupery");
        assertThat(jane.embarkation()).isEqualTo("CDG");
        assertThat(jane.disembarkation()).isEqualTo("JFK");
        assertThat(jane.documents()).containsExactly(new TravelDocument("P", "12AB34567", "fr", LocalDate.of(2030, 1, 1)));
    }

    @Test
    void crewMemberKeepsAReleasedApostropheAndABirthDateNotAfterTheInterchange() {
        Traveller sean = strict.read(bytes(MESSAGE)).getFirst().travellers().get(1);

        assertThat(sean.position()).isEqualTo(2);
        assertThat(sean.role()).isEqualTo(Traveller.Role.CREW);
        assertThat(sean.surname()).isEqualTo("O'NEIL");
        assertThat(sean.fullName()).isEqualTo("SEAN O'NEIL");
        // 240302 is the day after the interchange was prepared (240301): born 1924, not 2024
        assertThat(sean.birthDate()).isEqualTo(BirthDate.exact(LocalDate.of(1924, 3, 2)));
        assertThat(sean.nationality()).isEqualTo("ie");
        assertThat(sean.documents()).isEmpty();
    }

    @Test
    void travellerBecomesANamesEngineSubject() {
        Subject subject = strict.read(bytes(MESSAGE)).getFirst().travellers().getFirst().subject("MSG1/1");

        assertThat(subject.names()).containsExactly("JANE MARIE DOE");
        assertThat(subject.kind()).isEqualTo(Subject.Kind.PERSON);
        assertThat(subject.birthDates()).containsExactly(BirthDate.exact(LocalDate.of(1985, 4, 12)));
        assertThat(subject.nationalities()).containsExactly("fr");
        assertThat(subject.documents()).containsExactly("12AB34567");
    }

    @Test
    void withoutUnaTheDefaultSeparatorsGiveTheSameManifest() {
        String withoutUna = MESSAGE.substring(MESSAGE.indexOf('\n') + 1);
        Manifest with = strict.read(bytes(MESSAGE)).getFirst();
        Manifest without = strict.read(bytes(withoutUna)).getFirst();

        assertThat(without.travellers()).isEqualTo(with.travellers());
        assertThat(without.flight()).isEqualTo(with.flight());
    }

    @Test
    void otherSeparatorsDeclaredInUnaAreHonoured() {
        String starred = MESSAGE.replace("UNA:+.? '", "UNA:*.? $").replace("'\n", "$\r\n")
                .replace('+', '*').replace("UNZ*1*REF1'", "UNZ*1*REF1$");
        Manifest manifest = strict.read(bytes(starred)).getFirst();

        assertThat(manifest.travellers()).extracting(Traveller::fullName).containsExactly("JANE MARIE DOE", "SEAN O'NEIL");
        assertThat(manifest.travellers().getFirst().birthPlace()).isEqualTo("Lyon Saint Exupery");
    }

    @Test
    void everyMessageOfAnInterchangeIsAManifest() {
        String message = MESSAGE.substring(MESSAGE.indexOf("UNH"), MESSAGE.indexOf("UNZ"));
        String second = message.replace("MSG1", "MSG2").replace("XY123", "XY125");
        String twoMessages = MESSAGE.replace(message, message + second).replace("UNZ+1+REF1", "UNZ+2+REF1");

        List<Manifest> manifests = strict.read(bytes(twoMessages));

        assertThat(manifests).extracting(Manifest::messageReference).containsExactly("MSG1", "MSG2");
        assertThat(manifests).extracting(m -> m.flight().flightNumber()).containsExactly("XY123", "XY125");
    }

    @Test
    void envelopeIrregularitiesStayWithTheirInterchange() {
        String first = MESSAGE.replace("UNZ+1+REF1", "UNZ+1+REF9");
        String second = MESSAGE.substring(MESSAGE.indexOf("UNB")).replace("REF1", "REF2").replace("MSG1", "MSG2");

        List<Manifest> manifests = PaxlstReader.tolerant().read(bytes(first + "\n" + second));

        assertThat(manifests).extracting(Manifest::messageReference).containsExactly("MSG1", "MSG2");
        assertThat(manifests.getFirst().irregularities()).extracting(Irregularity::toString)
                .containsExactly("segment 28 (UNZ): interchange reference 'REF9' differs from the header's 'REF1'");
        assertThat(manifests.getLast().irregularities()).isEmpty();
    }

    @Test
    void readsFromAStream() throws IOException {
        assertThat(strict.read(new ByteArrayInputStream(bytes(MESSAGE))).getFirst().travellers()).hasSize(2);
    }

    @Test
    void latin1AndUtf8BytesGiveTheSameName() {
        String accented = MESSAGE.replace("DOE:JANE", "MÜLLER:JOSÉ");
        Charset latin1 = StandardCharsets.ISO_8859_1;

        Manifest fromUtf8 = strict.read(bytes(accented)).getFirst();
        Manifest fromLatin1 = strict.read(accented.getBytes(latin1)).getFirst();

        assertThat(fromUtf8.travellers().getFirst().fullName()).isEqualTo("JOSÉ MARIE MÜLLER");
        assertThat(fromLatin1.travellers().getFirst().fullName()).isEqualTo("JOSÉ MARIE MÜLLER");
        assertThat(fromUtf8.irregularities()).isEmpty();
        assertThat(fromLatin1.irregularities()).extracting(Irregularity::toString)
                .containsExactly("segment 11 (NAD): the bytes are not UTF-8; read as windows-1252, "
                        + "under which every non-ASCII byte is a letter");
    }

    @Test
    void wrongSegmentCountIsRefusedByTheStrictReaderAndNotedByTheTolerantOne() {
        String miscounted = MESSAGE.replace("UNT+25+MSG1", "UNT+24+MSG1");

        assertThatThrownBy(() -> strict.read(bytes(miscounted)))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessage("segment 27 (UNT): message declares 24 segments, found 25");
        Manifest read = PaxlstReader.tolerant().read(bytes(miscounted)).getFirst();
        assertThat(read.travellers()).hasSize(2);
        assertThat(read.irregularities()).extracting(Irregularity::toString)
                .containsExactly("segment 27 (UNT): message declares 24 segments, found 25");
    }

    @Test
    void mismatchedInterchangeReferenceIsRefused() {
        assertThatThrownBy(() -> strict.read(bytes(MESSAGE.replace("UNZ+1+REF1", "UNZ+1+REF9"))))
                .hasMessage("segment 28 (UNZ): interchange reference 'REF9' differs from the header's 'REF1'");
    }

    @Test
    void birthDateThatIsNotYymmddIsRefusedWithItsSegment() {
        assertThatThrownBy(() -> strict.read(bytes(MESSAGE.replace("DTM+329:850412", "DTM+329:7513x2"))))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessage("segment 13 (DTM): date of birth '7513x2' is not YYMMDD")
                .satisfies(e -> {
                    ManifestFormatException f = (ManifestFormatException) e;
                    assertThat(f.segment()).isEqualTo(13);
                    assertThat(f.tag()).isEqualTo("DTM");
                });
        assertThatThrownBy(() -> PaxlstReader.tolerant().read(bytes(MESSAGE.replace("850412", "851342"))))
                .hasMessage("segment 13 (DTM): date of birth '851342' is not a calendar date");
    }

    @Test
    void passengerWithoutANameIsRefused() {
        assertThatThrownBy(() -> strict.read(bytes(MESSAGE.replace("NAD+FL+++DOE:JANE:MARIE'", "NAD+FL'"))))
                .hasMessage("segment 11 (NAD): passenger without a surname (NAD party name is empty)");
    }

    @Test
    void secondDateOfBirthForOneTravellerIsRefused() {
        assertThatThrownBy(() -> strict.read(bytes(MESSAGE.replace("ATT+2++F'", "DTM+329:850413'"))))
                .hasMessage("segment 13 (DTM): a second date of birth for the same traveller");
    }

    @Test
    void unknownGenderCodeIsRefused() {
        assertThatThrownBy(() -> strict.read(bytes(MESSAGE.replace("ATT+2++F'", "ATT+2++Q'"))))
                .hasMessage("segment 12 (ATT): gender 'Q' is not M, F, U or X");
    }

    @Test
    void nationalityThatNamesNoCountryIsLeftEmptyAndNoted() {
        Manifest manifest = strict.read(bytes(MESSAGE.replace("NAT+2+FRA", "NAT+2+XXA"))).getFirst();

        assertThat(manifest.travellers().getFirst().nationality()).isNull();
        assertThat(manifest.irregularities()).extracting(Irregularity::toString)
                .containsExactly("segment 18 (NAT): nationality 'XXA' names no ISO 3166 country; left empty");
    }

    @Test
    void truncatedInterchangeIsRefused() {
        String cut = MESSAGE.substring(0, MESSAGE.indexOf("ATT+2++M") + 5);
        assertThatThrownBy(() -> strict.read(bytes(cut)))
                .hasMessage("segment 23 (ATT): the input ends inside this segment or after it, without UNT: "
                        + "the interchange is truncated");
        String cutAtSegmentEnd = MESSAGE.substring(0, MESSAGE.indexOf("UNZ"));
        assertThatThrownBy(() -> strict.read(bytes(cutAtSegmentEnd)))
                .hasMessageStartingWith("segment 27 (UNT): the input ends")
                .hasMessageEndingWith("without UNZ: the interchange is truncated");
    }

    @Test
    void garbageBytesAreRefused() {
        byte[] garbage = new byte[512];
        new Random(42).nextBytes(garbage);
        assertThatThrownBy(() -> strict.read(garbage))
                .isInstanceOf(ManifestFormatException.class)
                .hasMessageStartingWith("not an EDIFACT interchange");
        assertThatThrownBy(() -> strict.read(bytes("%PDF-1.7 not a manifest")))
                .hasMessageStartingWith("not an EDIFACT interchange");
    }

    @Test
    void emptyInputIsRefused() {
        assertThatThrownBy(() -> strict.read(new byte[0])).hasMessage("empty input: no EDIFACT interchange");
        assertThatThrownBy(() -> strict.read(bytes(" \r\n"))).hasMessage("empty input: no EDIFACT interchange");
    }

    @Test
    void otherMessageTypesAreRefused() {
        String pnr = MESSAGE.replace("PAXLST:D:05B:UN:IATA", "PNRGOV:13:1:IA");
        assertThatThrownBy(() -> strict.read(bytes(pnr)))
                .hasMessage("segment 3 (UNH): not a PAXLST message but PNRGOV:13:1; "
                        + "this reader reads PAXLST (API) manifests only");
    }

    @Test
    void textAfterTheInterchangeIsRefusedByTheStrictReaderOnly() {
        String appended = MESSAGE + "\n13Nov09\n";
        assertThatThrownBy(() -> strict.read(bytes(appended)))
                .hasMessageStartingWith("segment 28 (UNZ): 7 characters of text after the end of the interchange");
        assertThat(PaxlstReader.tolerant().read(bytes(appended)).getFirst().irregularities())
                .extracting(Irregularity::toString)
                .containsExactly("segment 28 (UNZ): 7 characters of text after the end of the interchange ignored");
    }

    @Test
    void messageWithoutAFlightIsRefused() {
        String noFlight = MESSAGE.replaceAll("TDT\\+[^']*'\\n", "").replace("UNT+25", "UNT+24");
        assertThatThrownBy(() -> strict.read(bytes(noFlight)))
                .hasMessage("segment 26 (UNT): the message has no flight leg (TDT)");
    }
}
