package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.intake.internal.ReportImportCsv;
import org.junit.jupiter.api.Test;

/** The CSV reader of the import keeps RFC 4180's promises and says where a record goes wrong. */
class ReportImportCsvTest {

    private static List<ReportImportCsv.Record> read(String text, char delimiter) throws IOException {
        ReportImportCsv csv = new ReportImportCsv(new StringReader(text), delimiter);
        List<ReportImportCsv.Record> out = new ArrayList<>();
        for (ReportImportCsv.Record r = csv.next(); r != null; r = csv.next()) {
            out.add(r);
        }
        return out;
    }

    @Test
    void quotedFieldsKeepDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        var records = read("a,b,c\r\n\"x, y\",\"il a dit \"\"non\"\"\",\"ligne 1\r\nligne 2\nligne 3\"\r\nlast,,\"\"\r\n", ',');
        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("x, y", "il a dit \"non\"", "ligne 1\r\nligne 2\nligne 3");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).line()).as("the record after a three-line field starts on line 5").isEqualTo(5);
        assertThat(records.get(2).fields()).containsExactly("last", "", "");
        assertThat(records).allSatisfy(r -> assertThat(r.problem()).isNull());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        var records = read("\uFEFFالعنوان;corps\nتقرير;texte", ';');
        assertThat(records.getFirst().fields()).containsExactly("العنوان", "corps");
        assertThat(records.get(1).fields()).containsExactly("تقرير", "texte");
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        var records = read("h\n\n\nv\n", ',');
        assertThat(records).extracting(ReportImportCsv.Record::line).containsExactly(1L, 4L);
    }

    @Test
    void aLastRecordWithoutLineEndIsRead() throws IOException {
        assertThat(read("h1,h2\nv1,v2", ',').get(1).fields()).containsExactly("v1", "v2");
    }

    @Test
    void anUnclosedQuoteIsAProblemOfItsRecord() throws IOException {
        var records = read("h\n\"never closed\n", ',');
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).problem()).contains("not closed");
    }

    @Test
    void textAfterAClosingQuoteOrAStrayQuoteIsAProblemAndReadingGoesOn() throws IOException {
        var records = read("h,i\n\"a\"b,c\nx\"y,z\nok,ok\n", ',');
        assertThat(records.get(1).problem()).contains("after the closing quote");
        assertThat(records.get(2).problem()).contains("quote inside field 1");
        assertThat(records.get(3).problem()).isNull();
        assertThat(records.get(3).line()).isEqualTo(4);
    }
}
