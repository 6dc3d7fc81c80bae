package org.fusioncell.monitoring.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The settings page and the alert mails speak three languages: every key in each, the Arabic in Arabic script. */
class AlertsMessagesTest {

    private static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(AlertsMessagesTest.class.getResourceAsStream(
                "/i18n/alerts/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
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
    void theArabicIsWrittenInArabicAndTheFrenchUsesTypographicApostrophes() throws Exception {
        Properties ar = load("_ar");
        ar.stringPropertyNames()
                .forEach(k -> assertThat(ar.getProperty(k)).as(k).containsPattern("[\\p{IsArabic}]{2,}|^—"));
        // a straight apostrophe is a quote to MessageFormat when arguments are given, and shown doubled when not
        load("_fr").forEach((k, v) -> assertThat(v.toString()).as(k.toString()).doesNotContain("'"));
    }
}
