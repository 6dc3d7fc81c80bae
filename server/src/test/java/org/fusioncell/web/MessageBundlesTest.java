package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message bundle of every module (i18n/<module>/messages*.properties) has the same keys in
 * English, French and Arabic, and no value is left empty: a page never falls back to another language.
 */
class MessageBundlesTest {

    private static Properties load(Resource resource) throws Exception {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyBundleHasEveryKeyInFrenchAndArabic() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] english = resolver.getResources("classpath*:i18n/*/messages.properties");
        assertThat(english).hasSizeGreaterThanOrEqualTo(15);
        for (Resource en : english) {
            Properties base = load(en);
            String name = en.getURL().toString();
            for (String suffix : new String[] {"_fr", "_ar"}) {
                Resource other = en.createRelative("messages" + suffix + ".properties");
                assertThat(other.exists()).as(name + " has a " + suffix + " bundle").isTrue();
                Properties translated = load(other);
                assertThat(translated.keySet()).as(name + " " + suffix).isEqualTo(base.keySet());
                translated.forEach((k, v) -> assertThat(v.toString()).as(name + " " + suffix + " " + k).isNotBlank());
            }
        }
    }

    /**
     * A key lives in one bundle only: the message source answers from the first bundle that has it, so a
     * second definition elsewhere would be dead text that drifts from the live one.
     */
    @Test
    void noKeyIsDefinedInTwoBundles() throws Exception {
        Map<String, String> owner = new HashMap<>();
        for (Resource en : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages.properties")) {
            String name = en.getURL().toString();
            for (Object key : load(en).keySet()) {
                String earlier = owner.putIfAbsent(key.toString(), name);
                assertThat(earlier).as(key + " is defined in " + name + " and in " + earlier).isNull();
            }
        }
    }
}
