package org.fusioncell.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fusioncell.entities.EntityType;
import org.junit.jupiter.api.Test;

class IdentifierExtractorTest {

    private final IdentifierExtractor extractor = new IdentifierExtractor("MR");

    private List<String> keys(String text) {
        return extractor.extract(text).stream().map(IdentifierExtractor.Found::key).toList();
    }

    @Test
    void findsAPhoneWrittenLocallyAndGivesItsE164Key() {
        assertThat(keys("Il a appelé le 45 25 12 34 hier soir.")).containsExactly("phone:+22245251234");
    }

    @Test
    void findsInternationalNumbersOfOtherCountries() {
        assertThat(keys("Contact: +33 6 12 34 56 78 ou +221 77 123 45 67")).containsExactly("phone:+33612345678",
                "phone:+221771234567");
    }

    @Test
    void readsArabicIndicDigitsAsDigits() {
        List<IdentifierExtractor.Found> found = extractor.extract("اتصل بالرقم ٤٥٢٥١٢٣٤ مساء أمس");
        assertThat(found).extracting(IdentifierExtractor.Found::key).containsExactly("phone:+22245251234");
        assertThat(found.getFirst().offset()).isEqualTo("اتصل بالرقم ".length());
    }

    @Test
    void findsEmailsWithTheDomainLowerCased() {
        List<IdentifierExtractor.Found> found = extractor.extract("écrire à Ahmed.Salem@Mail.MR, merci");
        assertThat(found).extracting(IdentifierExtractor.Found::type).containsExactly(EntityType.EMAIL);
        assertThat(found.getFirst().attributes()).containsEntry("address", "Ahmed.Salem@mail.mr");
        assertThat(found.getFirst().key()).isEqualTo("email:ahmed.salem@mail.mr");
    }

    @Test
    void proposesOnlyIbansWhoseCheckDigitsAreRight() {
        assertThat(keys("virement vers MR13 0002 0001 0100 0012 3456 753 reçu"))
                .containsExactly("iban:MR1300020001010000123456753");
        assertThat(keys("virement vers MR14 0002 0001 0100 0012 3456 753 reçu")).doesNotContain(
                "iban:MR1400020001010000123456753");
        assertThat(keys("GB82WEST12345698765432")).containsExactly("iban:GB82WEST12345698765432");
    }

    @Test
    void findsUrlsWithoutTheTrailingPunctuation() {
        List<IdentifierExtractor.Found> found = extractor.extract("voir https://example.org/page?id=3.");
        assertThat(found).extracting(IdentifierExtractor.Found::type).containsExactly(EntityType.URL);
        assertThat(found.getFirst().attributes()).containsEntry("url", "https://example.org/page?id=3");
    }

    @Test
    void findsCoordinatesInRangeOnly() {
        assertThat(keys("position 18.0735, -15.9582 relevée")).containsExactly("geo:18.0735,-15.9582");
        assertThat(keys("position 98.0735, -15.9582 relevée")).isEmpty();
    }

    @Test
    void findsPassportLikeNumbersAndHandles() {
        List<IdentifierExtractor.Found> found = extractor.extract("passeport B12345678, compte @abu_test99");
        assertThat(found).extracting(IdentifierExtractor.Found::type)
                .containsExactly(EntityType.IDENTITY_DOCUMENT, EntityType.ONLINE_ACCOUNT);
        assertThat(found.get(1).key()).isEqualTo("account:unknown:abu_test99");
    }

    @Test
    void proposesEachIdentifierOnceAndDoesNotReadAnEmailAsAHandle() {
        assertThat(keys("x@y.mr et encore x@y.mr")).containsExactly("email:x@y.mr");
    }

    @Test
    void findsAPhoneInsertedInRealArabicText() throws IOException {
        Path dir = Path.of("../../shared/context");
        if (!Files.isDirectory(dir) && System.getenv("FUSIONCELL_TEST_DATA") != null) {
            dir = Path.of(System.getenv("FUSIONCELL_TEST_DATA"), "..", "context");
        }
        assumeTrue(Files.isDirectory(dir), "Arabic test text not found at ../../shared/context; skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no .txt files in " + dir);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int middle = text.indexOf(' ', text.length() / 2);
            String withPhone = text.substring(0, middle) + " هاتفه ٤٥٢٥١٢٣٤ " + text.substring(middle);
            List<String> before = keys(text);
            List<String> after = keys(withPhone);
            assertThat(after).as(file.getFileName().toString()).contains("phone:+22245251234");
            assertThat(after).as("nothing else changes").hasSize(before.size() + (before.contains("phone:+22245251234") ? 0 : 1));
        }
    }
}
