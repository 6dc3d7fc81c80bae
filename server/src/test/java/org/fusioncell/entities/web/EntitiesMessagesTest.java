package org.fusioncell.entities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The entity pages speak three languages: every key in each, and the Arabic in Arabic script. */
class EntitiesMessagesTest {

    private static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(EntitiesMessagesTest.class.getResourceAsStream(
                "/i18n/entities/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyIsTranslatedIntoFrenchAndArabic() throws Exception {
        Properties en = load("");
        assertThat(load("_fr").keySet()).isEqualTo(en.keySet());
        assertThat(load("_ar").keySet()).isEqualTo(en.keySet());
    }

    @Test
    void theResolutionMessagesInArabicAreWrittenInArabic() throws Exception {
        Properties ar = load("_ar");
        ar.stringPropertyNames().stream()
                .filter(k -> k.startsWith("entities.duplicates") || k.startsWith("entities.merge")
                        || k.startsWith("entities.refusal") || k.startsWith("entities.reason") || k.startsWith("entities.split"))
                .forEach(k -> assertThat(ar.getProperty(k)).as(k).containsPattern("[\\p{IsArabic}\\p{Mn}]{3,}"));
    }
}
