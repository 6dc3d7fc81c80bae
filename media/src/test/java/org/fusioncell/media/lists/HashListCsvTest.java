package org.fusioncell.media.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashListCsvTest {

    private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private static final String MD5 = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void aListSurvivesWritingAndReadingBackIncludingQuotesCommasNewlinesAndArabic() throws IOException {
        List<HashEntry> entries = List.of(
                new HashEntry(PDQ, HashAlgorithm.PDQ, "propaganda poster, \"official\" logo", false),
                new HashEntry(MD5, HashAlgorithm.MD5, "line one\nline two", true),
                new HashEntry(SHA, HashAlgorithm.SHA256, "منشور دعائي", false),
                new HashEntry(SHA, HashAlgorithm.SHA256, "", true));
        StringWriter out = new StringWriter();
        HashListCsv.write(entries, out);
        assertThat(out.toString()).startsWith("hash,algorithm,label,deleted\r\n" + PDQ + ",pdq,");
        assertThat(HashListCsv.read(new StringReader(out.toString()))).isEqualTo(entries);
    }

    @Test
    void columnsMayComeInAnyOrderAndExchangeSpellingsAreAccepted() throws IOException {
        String csv = "\uFEFFlabel,Deleted,ALGORITHM,hash\nposter,FALSE,SHA-256," + SHA.toUpperCase() + "\n\n"
                + "x,true,PDQ," + PDQ + "\n";
        assertThat(HashListCsv.read(new StringReader(csv))).containsExactly(
                new HashEntry(SHA, HashAlgorithm.SHA256, "poster", false),
                new HashEntry(PDQ, HashAlgorithm.PDQ, "x", true));
    }

    @Test
    void everyBadRowIsNamedByLineAndColumnAndNothingIsReturned() {
        String csv = "hash,algorithm,label,deleted\n"
                + PDQ + ",pdq,fine,false\n"
                + MD5 + ",pdq,too short for pdq,false\n"
                + SHA + ",sha1,unknown algorithm,false\n"
                + "\"" + MD5 + "\",md5,\"spans\ntwo lines\",maybe\n"
                + "zz" + MD5.substring(2) + ",md5,not hex,false\n"
                + PDQ + ",pdq,missing a cell\n";
        HashListException e = catchThrowableOfType(HashListException.class,
                () -> HashListCsv.read(new StringReader(csv)));
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "3:hash", "4:algorithm", "5:deleted", "7:hash", "8:#3");
        assertThat(e.getMessage()).contains("nothing was imported", "line 3, column hash", "64 hex digits");
    }

    @Test
    void aMissingOrUnknownHeaderColumnAndAnUnclosedQuoteAreRefused() {
        HashListException header = catchThrowableOfType(HashListException.class,
                () -> HashListCsv.read(new StringReader("hash,algo,label\n")));
        assertThat(header.problems()).extracting(HashListException.Problem::toString).containsExactly(
                "line 1, column algo: unknown column; the columns are hash,algorithm,label,deleted",
                "line 1, column algorithm: the header lacks this column",
                "line 1, column deleted: the header lacks this column");
        HashListException empty = catchThrowableOfType(HashListException.class,
                () -> HashListCsv.read(new StringReader("")));
        assertThat(empty.getMessage()).contains("empty");
        HashListException open = catchThrowableOfType(HashListException.class, () -> HashListCsv.read(
                new StringReader("hash,algorithm,label,deleted\n" + MD5 + ",md5,\"never closed,false\n")));
        assertThat(open.problems()).extracting(p -> p.line() + ":" + p.column()).contains("2:label");
    }
}
