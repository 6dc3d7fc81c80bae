package org.fusioncell.safeguards.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The oversight pages and reports speak three languages: every key in each, the Arabic in Arabic script, and a
 * title and explanation for every rule, every state and every decision.
 */
class OversightMessagesTest {

    private static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(OversightMessagesTest.class.getResourceAsStream(
                "/i18n/oversight/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyIsTranslatedIntoFrenchAndArabic() throws Exception {
        Properties en = load("");
        assertThat(load("_fr").keySet()).isEqualTo(en.keySet());
        assertThat(load("_ar").keySet()).isEqualTo(en.keySet());
        Properties ar = load("_ar");
        ar.stringPropertyNames().stream().filter(k -> !k.startsWith("oversight.duration"))
                .forEach(k -> assertThat(ar.getProperty(k)).as(k).containsPattern("[\\p{IsArabic}]{2,}"));
    }

    @Test
    void everyRuleStateAndDecisionHasItsWords() throws Exception {
        for (String suffix : new String[] {"", "_fr", "_ar"}) {
            Properties p = load(suffix);
            Arrays.stream(FindingRule.values()).forEach(r -> assertThat(p).containsKeys("oversight.rule." + r.name(),
                    "oversight.rule." + r.name() + ".explanation"));
            Arrays.stream(FindingState.values()).forEach(s -> assertThat(p).containsKey("oversight.state." + s.name()));
            Arrays.stream(FindingDecision.values())
                    .forEach(d -> assertThat(p).containsKey("oversight.decision." + d.name()));
            // MessageFormat: an apostrophe would swallow the arguments that follow it
            p.stringPropertyNames().stream().filter(k -> p.getProperty(k).contains("{0}"))
                    .forEach(k -> assertThat(p.getProperty(k)).as(k).doesNotContain("'"));
        }
    }
}
