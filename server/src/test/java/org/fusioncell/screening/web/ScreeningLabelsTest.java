package org.fusioncell.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Candidate;
import org.fusioncell.names.ScreeningIndex;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.Explanation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of the screening pages: every phrase the names engine explains a candidate with has a
 * translation, and the three screening bundles hold the same keys with Arabic text in the Arabic one.
 */
class ScreeningLabelsTest {

    private final ScreeningLabels labels = new ScreeningLabels(messages(), ClassificationScheme.DEFAULT);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/screening/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** Every factor the engine gives, produced by the engine itself rather than copied from it. */
    private static List<Explanation.Factor> factorsFromTheEngine() {
        Subject listed = new Subject("l", Subject.Kind.PERSON, List.of("Mokhtar Ould Sidi Haiballa"),
                List.of(BirthDate.parse("1979-03-05")), Set.of("mr"), Subject.Gender.MALE, Set.of("M7741205"));
        ScreeningIndex index = ScreeningIndex.of(List.of(listed));
        List<Subject> queries = List.of(
                query(Subject.Kind.PERSON, "1979-03-05", "mr", Subject.Gender.FEMALE, "M7741205"),
                query(Subject.Kind.PERSON, "1979", "ml", Subject.Gender.UNKNOWN, null),
                query(Subject.Kind.PERSON, "1980-01-01", null, Subject.Gender.UNKNOWN, null),
                query(Subject.Kind.PERSON, "1984", null, Subject.Gender.UNKNOWN, null),
                query(Subject.Kind.PERSON, "1995", null, Subject.Gender.UNKNOWN, null),
                query(Subject.Kind.ORGANISATION, null, null, Subject.Gender.UNKNOWN, null));
        List<Explanation.Factor> out = new ArrayList<>();
        for (Subject q : queries) {
            for (Candidate c : index.screen(q, 0.1, 1)) {
                c.factors().forEach(f -> out.add(new Explanation.Factor(f.what(), f.effect())));
            }
        }
        return out;
    }

    private static Subject query(Subject.Kind kind, String birthDate, String nationality, Subject.Gender gender,
                                 String document) {
        return new Subject("q", kind, List.of("Mokhtar Ould Sidi Haiballa"),
                birthDate == null ? List.of() : List.of(BirthDate.parse(birthDate)),
                nationality == null ? Set.of() : Set.of(nationality), gender,
                document == null ? Set.of() : Set.of(document));
    }

    @Test
    void everyFactorTheEngineGivesIsWordedInFrenchAndArabic() {
        List<Explanation.Factor> factors = factorsFromTheEngine();
        assertThat(factors).extracting(Explanation.Factor::what).contains("same document number",
                "same date of birth", "same nationality", "other nationality", "other gender",
                "date of birth agrees", "date of birth differs", "born 5 years apart", "born 16 years apart",
                "a organisation against a person");
        for (Explanation.Factor f : factors) {
            LocaleContextHolder.setLocale(Locale.FRENCH);
            assertThat(labels.factor(f)).as(f.what()).isNotEqualTo(f.what()).doesNotContain("{");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
            assertThat(labels.factor(f)).as(f.what()).containsPattern("[\\u0600-\\u06FF]");
        }
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(labels.factor(new Explanation.Factor("born 16 years apart", -0.25))).isEqualTo("nés à 16 ans d’écart");
        assertThat(labels.factor(new Explanation.Factor("a organisation against a person", -0.3)))
                .isEqualTo("nature différente : organisation criblé, personne inscrit");
        assertThat(labels.factor(new Explanation.Factor("a phrase the engine may add later", 0.1)))
                .isEqualTo("a phrase the engine may add later");
    }

    @Test
    void scoresAndEffectsAreWrittenWithADotInEveryLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        assertThat(labels.score(0.8)).isEqualTo("0.80");
        assertThat(labels.effect(0.1)).isEqualTo("+0.10");
        assertThat(labels.effect(-0.25)).isEqualTo("-0.25");
        assertThat(labels.country("tn")).isEqualTo("تونس (TN)");
        assertThat(labels.countries(List.of("tn", "ly"))).isEqualTo("ليبيا (LY)، تونس (TN)");
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(labels.country("mr")).isEqualTo("Mauritanie (MR)");
        assertThat(labels.how("SOUNDS_ALIKE")).isEqualTo("se prononce de même");
    }

    @Test
    void theThreeBundlesHoldTheSameKeysAndTheArabicOneIsWrittenInArabic() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        Properties ar = bundle("messages_ar.properties");
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(ar.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            // what remains once arguments, codes and product names are taken out must be Arabic
            String words = ar.getProperty(key).replaceAll("\\{[^}]*}", "")
                    .replaceAll("\\b(FusionCell|FollowTheMoney|OFAC-SDN|OFAC|UN/EDIFACT|UN|CSV|XML|JSON|UTF-8|ISO|PAXLST|MR|DZA|"
                            + "YYYY|MM|DD|name|dob|nationality|document|gender|sdn\\.csv|alt\\.csv|sdn_comments\\.csv)"
                            + "\\b", "");
            if (words.codePoints().anyMatch(Character::isLetter)) {
                assertThat(words).as(key).containsPattern("[\\u0600-\\u06FF]").doesNotContainPattern("[A-Za-z]{3,}");
            }
        }
    }

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ScreeningLabelsTest.class.getResourceAsStream("/i18n/screening/" + file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
