package org.fusioncell.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.fusioncell.names.BirthDate;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistEntry.ListedName;
import org.fusioncell.screening.WatchlistEntry.NameQuality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-written UN XML: each date and alias form, and the inputs that must be refused. */
class UnConsolidatedListBadInputTest {

    @TempDir
    Path dir;

    private final UnConsolidatedListReader reader = new UnConsolidatedListReader();

    private static String list(String individuals) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-01-02T03:04:05.000Z">
                  <INDIVIDUALS>
                %s
                  </INDIVIDUALS>
                  <ENTITIES/>
                </CONSOLIDATED_LIST>
                """.formatted(individuals);
    }

    private static String individual(String id, String firstName, String extra) {
        return """
                <INDIVIDUAL><DATAID>%s</DATAID><FIRST_NAME>%s</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
                <REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER><LISTED_ON>2015-04-07-04:00</LISTED_ON>%s</INDIVIDUAL>
                """.formatted(id, firstName, extra);
    }

    private static String dob(String content) {
        return "<INDIVIDUAL_DATE_OF_BIRTH>" + content + "</INDIVIDUAL_DATE_OF_BIRTH>";
    }

    @Test
    void everyDateOfBirthFormBecomesARange() {
        String dates = dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-05-06</DATE>")
                + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1971</YEAR>")
                + dob("<TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1966</YEAR>")
                + dob("<TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR>")
                + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE>")
                + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Between Aug. and Sep. 1977</NOTE>")
                + dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>30-35 years old</NOTE>")
                + dob("<TYPE_OF_DATE/>")
                + "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Test</ALIAS_NAME>"
                + "<DATE_OF_BIRTH>1958-02-22</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>";
        Watchlist w = reader.read(ListTestData.write(dir, "un.xml", list(individual("1", "ALI", dates))), "UN-TEST");

        WatchlistEntry e = w.entries().getFirst();
        assertThat(w.source()).isEqualTo("UN-TEST");
        assertThat(e.listedOn()).as("xs:date with a zone offset").isEqualTo(LocalDate.of(2015, 4, 7));
        assertThat(e.birthDates()).containsExactly(
                BirthDate.exact(LocalDate.of(1958, 2, 22)),
                BirthDate.exact(LocalDate.of(1970, 5, 6)),
                BirthDate.year(1971),
                BirthDate.between(BirthDate.year(1965), BirthDate.year(1967)),
                BirthDate.between(BirthDate.year(1960), BirthDate.year(1962)),
                new BirthDate(LocalDate.of(1973, 11, 1), LocalDate.of(1973, 11, 30)),
                new BirthDate(LocalDate.of(1977, 8, 1), LocalDate.of(1977, 9, 30)));
    }

    @Test
    void aliasesAreRatedByQualityAndEmptyOnesSkipped() {
        String aliases = "<FOURTH_NAME>  AL  TESTI </FOURTH_NAME><NAME_ORIGINAL_SCRIPT>علي التستي</NAME_ORIGINAL_SCRIPT>"
                + "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ali Testi</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                + "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Ali</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                + "<INDIVIDUAL_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Ali T.</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                + "<INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Ali Old</ALIAS_NAME></INDIVIDUAL_ALIAS>"
                + "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>"
                + "<NATIONALITY><VALUE>former Soviet Union</VALUE><VALUE>Syrian Arab Republic</VALUE></NATIONALITY>"
                + "<GENDER>Female</GENDER>";
        WatchlistEntry e = reader.read(ListTestData.write(dir, "un.xml", list(individual("2", "ALI", aliases))), null)
                .entries().getFirst();

        assertThat(e.names()).containsExactly(
                new ListedName("ALI AL TESTI", NameQuality.PRIMARY, false),
                new ListedName("علي التستي", NameQuality.GOOD, true),
                new ListedName("Ali Testi", NameQuality.GOOD, false),
                new ListedName("Abu Ali", NameQuality.LOW, false),
                new ListedName("Ali T.", NameQuality.AKA, false),
                new ListedName("Ali Old", NameQuality.FKA, false));
        assertThat(e.nationalities()).as("an unknown country is left out, not an error").containsExactly("sy");
        assertThat(e.gender().name()).isEqualTo("FEMALE");
    }

    @Test
    void brokenXmlIsRefusedWithLineAndColumn() {
        Path broken = ListTestData.write(dir, "broken.xml", list(individual("3", "ALI", "<GENDER>Male</GENDERX>")));
        assertThatThrownBy(() -> reader.read(broken, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("broken.xml: line 5, column 104").hasMessageContaining("not well-formed XML")
                .hasMessageContaining("GENDER");
    }

    @Test
    void externalEntityDocumentIsRefusedWithoutReadingTheFile() {
        Path xxe = ListTestData.write(dir, "xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&e;</FIRST_NAME>
                </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """);
        assertThatThrownBy(() -> reader.read(xxe, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("xxe.xml: line 2").hasMessageContaining("DOCTYPE declaration is refused")
                .hasMessageNotContaining("root:");
    }

    @Test
    void theParserItselfNeitherFetchesNorExpandsEntitiesEvenPastTheDoctype() throws Exception {
        // defence in depth: were the DOCTYPE refusal ever removed, the factory settings still hold
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">"
                + "<!ENTITY i \"expanded\">]>\n<r>&e;|&i;</r>";
        XMLStreamReader parser = UnConsolidatedListReader.secureFactory().createXMLStreamReader(new StringReader(xxe));
        StringBuilder text = new StringBuilder();
        try {
            while (parser.hasNext()) {
                if (parser.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(parser.getText());
                }
            }
        } catch (XMLStreamException refused) {
            // refusing is as good as ignoring
        }
        assertThat(text.toString()).doesNotContain("root:").doesNotContain("expanded");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        doc.append("]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&lol9;</FIRST_NAME>")
                .append("</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n");
        Path laughs = ListTestData.write(dir, "lol.xml", doc.toString());
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(laughs, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("DOCTYPE declaration is refused");
        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void anotherXmlDocumentIsNotTakenForTheList() {
        Path other = ListTestData.write(dir, "other.xml", "<?xml version=\"1.0\"?>\n<sdnList><sdnEntry/></sdnList>\n");
        assertThatThrownBy(() -> reader.read(other, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("root element is <sdnList>, expected <CONSOLIDATED_LIST>");
    }

    @Test
    void entryWithoutANameIsRefusedNamingItsDataId() {
        Path noName = ListTestData.write(dir, "noname.xml", list(individual("6908999", "", "")));
        assertThatThrownBy(() -> reader.read(noName, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("INDIVIDUAL DATAID 6908999 (line 4)").hasMessageContaining("no FIRST_NAME");
    }

    @Test
    void tenThousandCharacterNameIsRefused() {
        Path huge = ListTestData.write(dir, "huge.xml", list(individual("7", "A".repeat(10_000), "")));
        assertThatThrownBy(() -> reader.read(huge, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessageContaining("INDIVIDUAL DATAID 7")
                .hasMessageContaining("a name has 10000 characters, more than the limit of 1000")
                .hasMessageNotContaining("AAAA");
    }

    @Test
    void unknownDateTypeAndBadYearAreRefused() {
        Path badType = ListTestData.write(dir, "type.xml", list(individual("8", "ALI",
                dob("<TYPE_OF_DATE>SOMETIME</TYPE_OF_DATE><YEAR>1970</YEAR>"))));
        assertThatThrownBy(() -> reader.read(badType, null)).hasMessageContaining("DATAID 8")
                .hasMessageContaining("unknown TYPE_OF_DATE 'SOMETIME'");
        Path badYear = ListTestData.write(dir, "year.xml", list(individual("9", "ALI",
                dob("<TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>19x0</YEAR>"))));
        assertThatThrownBy(() -> reader.read(badYear, null)).hasMessageContaining("DATAID 9")
                .hasMessageContaining("not a year: '19x0'");
    }

    @Test
    void emptyFileIsRefused() {
        Path empty = ListTestData.write(dir, "empty.xml", "");
        assertThatThrownBy(() -> reader.read(empty, null)).isInstanceOf(WatchlistFormatException.class)
                .hasMessage(empty + ": the file is empty");
    }
}
