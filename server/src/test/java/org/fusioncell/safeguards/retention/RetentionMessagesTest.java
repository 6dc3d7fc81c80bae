package org.fusioncell.safeguards.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The retention bundle says the same things in en, fr and ar; every type of the register has its label, legal basis
 * and purpose, every enforcement and erasure cause its label, every oversight table and column its heading.
 */
class RetentionMessagesTest {

    static final List<String> TYPES = List.of("report", "entity", "incident", "alert", "case", "screening-run",
            "request-for-information", "civil-society-submission", "audit-record");

    private static Properties bundle(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = RetentionMessagesTest.class.getResourceAsStream(
                "/i18n/retention/messages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyAndEveryCodeALabel() throws Exception {
        Properties en = bundle("");
        assertThat(bundle("_fr").keySet()).isEqualTo(en.keySet());
        assertThat(bundle("_ar").keySet()).isEqualTo(en.keySet());
        for (String type : TYPES) {
            assertThat(en).containsKeys("retention.type." + type, "retention.basis." + type, "retention.purpose." + type);
        }
        for (RetentionRule.Enforcement e : RetentionRule.Enforcement.values()) {
            assertThat(en).containsKey("retention.enforcement." + e.name());
        }
        for (HoldingReviews.Outcome o : HoldingReviews.Outcome.values()) {
            assertThat(en).containsKey("retention.reviews.done." + o.name());
        }
        for (String cause : List.of("expiry", "review", "manual")) {
            assertThat(en).containsKey("retention.cause." + cause);
        }
        for (String table : List.of("retention-erasures", "retention-holds", "retention-reviews", "retention-purge-runs",
                "retention-purge-counts")) {
            assertThat(en).containsKey("oversight.table." + table);
        }
        Properties columns = new Properties();
        columns.putAll(en);
        // a column label several sections share (e.g. "confirmed") lives in the oversight module's bundle
        try (InputStream in = RetentionMessagesTest.class.getResourceAsStream("/i18n/oversight/messages.properties")) {
            columns.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String column : List.of("information-type", "cause", "erasures", "placed", "released", "active", "due",
                "confirmed", "deleted", "overdue", "runs", "held", "awaiting-decision")) {
            assertThat(columns).containsKey("oversight.column." + column);
        }
        assertThat(en).containsKey("oversight.section.retention");
        assertThat(bundle("_ar").getProperty("retention.register.title")).isEqualTo("سجل الاحتفاظ");
    }
}
