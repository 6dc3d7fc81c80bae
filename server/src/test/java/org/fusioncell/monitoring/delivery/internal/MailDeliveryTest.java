package org.fusioncell.monitoring.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.delivery.AlertNotice;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.monitoring.delivery.DeliveryWorld;
import org.fusioncell.monitoring.delivery.EmailMode;
import org.fusioncell.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail through a real SMTP server (GreenMail on loopback): immediate mails and digests in the user's language. */
class MailDeliveryTest extends DeliveryWorld {

    @Autowired
    Readers readers;
    @Autowired
    DeliveryWorker worker;

    @Test
    void severeAlertsAreMailedAtOnceAndTheOthersWaitForTheDigest() throws Exception {
        String user = user();
        String address = "analyst-" + user.substring(30) + "@agency.test";
        channels.update(readers.forUser(user, "test"), new ChannelSettings(address, EmailMode.IMMEDIATE, "HIGH", "en"));
        AlertNotice critical = notice(user, "CRITICAL", "Convoy sighted near Kidal");
        AlertNotice low = notice(user, "LOW", "Routine mention");
        scheduleCommitted(critical);
        scheduleCommitted(low);

        MimeMessage mail = awaitMail(address, 1).getFirst();
        String rowId = jdbc.sql("SELECT id FROM monitoring_delivery WHERE alert_id = :a AND channel = 'EMAIL'")
                .param("a", critical.alertId()).query(String.class).single();
        assertThat(mail.getMessageID()).isEqualTo("<" + rowId + "@fusioncell.test>");
        assertThat(mail.getSubject()).isEqualTo("[FusionCell] Critical alert: Convoy sighted near Kidal");
        assertThat(plainText(mail)).contains("Two reports mention the convoy.", "Watch: Kidal convoy watch",
                "Raised: 2026-11-22 10:15 UTC", "https://fusioncell.test/alerts/x");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitoring_delivery WHERE alert_id = :a AND channel = 'EMAIL'")
                .param("a", low.alertId()).query(Long.class).single()).as("low goes to the digest").isZero();
        assertThat(jdbc.sql("SELECT period FROM monitoring_digest_item WHERE alert_id = :a")
                .param("a", low.alertId()).query(String.class).single()).isEqualTo("DAILY");
        Thread.sleep(300);
        assertThat(mailTo(address)).hasSize(1);
    }

    @Test
    void theDailyDigestListsTheNoticesOnceInArabic() throws Exception {
        String user = user();
        String address = "mohalel-" + user.substring(30) + "@agency.test";
        channels.update(readers.forUser(user, "test"), new ChannelSettings(address, EmailMode.DAILY_DIGEST, null, "ar"));
        AlertNotice first = notice(user, "CRITICAL", "تحرك قافلة قرب كيدال");
        AlertNotice second = notice(user, "LOW", "Second mention of the convoy");
        scheduleCommitted(first);
        scheduleCommitted(second);
        worker.drainNow();
        assertThat(mailTo(address)).as("nothing before the day is over").isEmpty();

        // the notices were collected yesterday: today's first sweep owes the user yesterday's digest
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3, ChronoUnit.HOURS);
        for (AlertNotice n : List.of(first, second)) {
            jdbc.sql("UPDATE monitoring_digest_item SET created_at = :t WHERE alert_id = :a")
                    .param("t", Timestamp.from(n == first ? yesterday : yesterday.plusSeconds(60)))
                    .param("a", n.alertId()).update();
        }
        worker.drainNow();
        MimeMessage digest = awaitMail(address, 1).getFirst();
        assertThat(digest.getSubject()).isEqualTo("[FusionCell] ملخّص: 2 تنبيهات");
        assertThat(digest.getHeader("Content-Language")[0]).isEqualTo("ar");
        String text = plainText(digest);
        assertThat(text).contains("التنبيهات منذ آخر ملخّص: 2", "تحرك قافلة قرب كيدال", "Second mention of the convoy",
                "المراقبة: Kidal convoy watch", "الخطورة: حرجة", "الخطورة: منخفضة");
        assertThat(text.indexOf("تحرك قافلة")).as("oldest first").isLessThan(text.indexOf("Second mention"));

        String digestId = jdbc.sql("SELECT id FROM monitoring_delivery WHERE channel = 'DIGEST' AND target = :u")
                .param("u", user).query(String.class).single();
        assertThat(digest.getMessageID()).startsWith("<" + digestId + "@");
        assertThat(jdbc.sql("SELECT DISTINCT digest_id FROM monitoring_digest_item WHERE user_id = :u").param("u", user)
                .query(String.class).list()).containsExactly(digestId);
        worker.drainNow();
        Thread.sleep(300);
        assertThat(mailTo(address)).as("one digest per period").hasSize(1);
    }

    @Test
    void noMailIsScheduledWhenMailIsOffAndSettingsAreChecked() {
        String user = user();
        var reader = readers.forUser(user, "test");
        assertThatThrownBy(() -> channels.update(reader, new ChannelSettings(null, EmailMode.IMMEDIATE, null, "en")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> channels.update(reader, new ChannelSettings("a@b.test", EmailMode.OFF, "SEVERE", "en")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("immediateSeverity"));
        assertThatThrownBy(() -> channels.update(reader, new ChannelSettings("a@b.test", EmailMode.OFF, null, "de")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"));
        channels.update(reader, new ChannelSettings("kept@agency.test", EmailMode.OFF, null, "fr"));
        AlertNotice n = notice(user, "CRITICAL", "Not mailed");
        scheduleCommitted(n);
        assertThat(jdbc.sql("SELECT channel FROM monitoring_delivery WHERE alert_id = :a").param("a", n.alertId())
                .query(String.class).list()).containsExactly("INBOX");
        assertThat(channels.settings(user)).isEqualTo(new ChannelSettings("kept@agency.test", EmailMode.OFF, null, "fr"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor_user_id = :u AND action = 'ALTERATION' "
                + "AND object_type = 'alert-channels'").param("u", user).query(Long.class).single()).isEqualTo(1);
    }

    private List<MimeMessage> awaitMail(String address, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 5000;
        while (mailTo(address).size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(mailTo(address)).hasSize(count);
        return mailTo(address);
    }
}
