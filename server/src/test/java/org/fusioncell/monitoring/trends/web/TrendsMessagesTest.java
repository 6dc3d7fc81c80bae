package org.fusioncell.monitoring.trends.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The three languages say the same things: every key in every bundle, every key used is defined. */
class TrendsMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(TrendsMessagesTest.class.getResourceAsStream(
                "/i18n/trends/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void englishFrenchAndArabicHaveTheSameKeysAndArabicIsArabic() throws IOException {
        Properties en = bundle("");
        Properties fr = bundle("_fr");
        Properties ar = bundle("_ar");
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(ar.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(ar.getProperty("trends.title")).isEqualTo("الاتجاهات");
        // arguments survive translation: a message with {3} in English has {3} in French and Arabic
        for (String key : en.stringPropertyNames()) {
            for (int i = 0; i < 8; i++) {
                boolean used = en.getProperty(key).contains("{" + i + "}");
                assertThat(fr.getProperty(key).contains("{" + i + "}")).as("fr %s {%d}", key, i).isEqualTo(used);
                assertThat(ar.getProperty(key).contains("{" + i + "}")).as("ar %s {%d}", key, i).isEqualTo(used);
            }
            // MessageFormat would eat a plain apostrophe in a message with arguments
            assertThat(en.getProperty(key) + fr.getProperty(key)).as(key).doesNotContain("'");
        }
    }

    @Test
    void everyKeyTheTemplateAndTheCodeUseIsDefined() throws IOException {
        Set<String> defined = bundle("").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("[\"'{](trends\\.[a-zA-Z0-9.]+[a-zA-Z0-9])");
        String template = Files.readString(Paths.get("src/main/resources/templates/trends/trends.html"));
        try (Stream<Path> code = Files.list(Paths.get("src/main/java/org/fusioncell/monitoring/trends/web"))) {
            StringBuilder all = new StringBuilder(template);
            for (Path p : code.toList()) {
                all.append(Files.readString(p));
            }
            literal.matcher(all).results().map(m -> m.group(1))
                    .forEach(used::add);
        }
        // keys built from a prefix and a value: check each value
        used.removeIf(k -> k.equals("trends.metric") || k.equals("trends.period") || k.equals("trends.invalid"));
        for (String v : new String[] {"incidents", "fatalities"}) {
            used.add("trends.metric." + v);
        }
        for (String f : new String[] {"country", "admin1", "attackType", "group", "period", "metric", "from", "to",
                "horizon"}) {
            used.add("trends.invalid." + f);
        }
        assertThat(defined).containsAll(used);
    }
}
