package org.fusioncell.cases.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The response bundle says the same things in en, fr and ar, and every figure category and line status has a label. */
class ResponseMessagesTest {

    private static Properties bundle(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ResponseMessagesTest.class.getResourceAsStream("/i18n/response/messages" + suffix
                + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyAndEveryCodeALabel() throws Exception {
        Properties en = bundle("");
        assertThat(bundle("_fr").keySet()).isEqualTo(en.keySet());
        assertThat(bundle("_ar").keySet()).isEqualTo(en.keySet());
        for (FigureCategory c : FigureCategory.values()) {
            assertThat(en).containsKey("response.figure." + c.name());
        }
        for (PressLine.Status s : PressLine.Status.values()) {
            assertThat(en).containsKey("response.press." + s.name());
        }
        assertThat(bundle("_ar").getProperty("response.figure.KILLED")).isEqualTo("القتلى");
        assertThat(bundle("_fr").getProperty("response.review")).isEqualTo("Retour d’expérience");
    }
}
