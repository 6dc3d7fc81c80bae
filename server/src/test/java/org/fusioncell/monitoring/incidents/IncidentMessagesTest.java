package org.fusioncell.monitoring.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The incidents bundle says the same things in en, fr and ar, and every vocabulary code has a label. */
class IncidentMessagesTest {

    private static Properties bundle(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = IncidentMessagesTest.class.getResourceAsStream("/i18n/incidents/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyAndEveryCodeALabel() throws Exception {
        Properties en = bundle("");
        assertThat(bundle("_fr").keySet()).isEqualTo(en.keySet());
        assertThat(bundle("_ar").keySet()).isEqualTo(en.keySet());
        IncidentVocabularies.DEFAULTS.forEach((vocabulary, codes) -> codes.forEach(code ->
                assertThat(en).containsKey("incidents." + vocabulary + "." + code)));
        assertThat(bundle("_ar").getProperty("incidents.title")).isEqualTo("الحوادث");
    }
}
