package org.fusioncell.monitoring.delivery.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.fusioncell.monitoring.delivery.AlertNotice;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert mails over SMTP ({@code spring.mail.*}; no host, no mail). One mail per notice or per digest,
 * in the recipient's language (bundle {@code i18n/alerts}), as text and right-to-left-aware HTML. The
 * Message-ID is made of the delivery id, so a mail sent twice after a crash is the same message to
 * the recipient's mail system.
 */
@Component
class MailChannel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ObjectProvider<JavaMailSender> senders;
    private final MessageSource messages;
    private final JsonMapper json;
    private final DeliveryProperties.Mail settings;

    MailChannel(ObjectProvider<JavaMailSender> senders, MessageSource messages, JsonMapper json,
                DeliveryProperties properties) {
        this.senders = senders;
        this.messages = messages;
        this.json = json;
        this.settings = properties.mail();
    }

    boolean available() {
        return senders.getIfAvailable() != null;
    }

    Outcome sendOne(OutboxRow row, ChannelSettings recipient) {
        AlertNotice notice = json.readValue(row.payload(), AlertNotice.class);
        Locale locale = Locale.forLanguageTag(recipient.language());
        String subject = text("alerts.mail.subject", locale, severity(notice, locale), notice.headline());
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        describe(notice, locale, plain, html);
        return send(row, locale, subject, plain, html);
    }

    Outcome sendDigest(OutboxRow row, ChannelSettings recipient, List<String> payloads) {
        Locale locale = Locale.forLanguageTag(recipient.language());
        String subject = text("alerts.digest.subject", locale, String.valueOf(payloads.size()));
        StringBuilder plain = new StringBuilder(text("alerts.digest.intro", locale, String.valueOf(payloads.size()))).append("\n\n");
        StringBuilder html = new StringBuilder("<p>").append(escape(text("alerts.digest.intro", locale, String.valueOf(payloads.size()))))
                .append("</p>");
        for (String payload : payloads) {
            plain.append("— — —\n");
            html.append("<hr>");
            describe(json.readValue(payload, AlertNotice.class), locale, plain, html);
        }
        return send(row, locale, subject, plain, html);
    }

    private void describe(AlertNotice n, Locale locale, StringBuilder plain, StringBuilder html) {
        String link = link(n.link());
        plain.append(n.headline()).append("\n\n");
        if (n.summary() != null && !n.summary().isBlank()) {
            plain.append(n.summary()).append("\n\n");
        }
        plain.append(text("alerts.mail.watch", locale, n.watchName())).append('\n')
                .append(text("alerts.mail.severity", locale, severity(n, locale))).append('\n')
                .append(text("alerts.mail.raised", locale, n.raisedAt() == null ? "" : WHEN.format(n.raisedAt())))
                .append('\n');
        if (!link.isEmpty()) {
            plain.append(text("alerts.mail.open", locale, link)).append('\n');
        }
        plain.append('\n');
        html.append("<h2 dir=\"auto\">").append(escape(n.headline())).append("</h2>");
        if (n.summary() != null && !n.summary().isBlank()) {
            html.append("<p dir=\"auto\">").append(escape(n.summary())).append("</p>");
        }
        html.append("<ul><li dir=\"auto\">").append(escape(text("alerts.mail.watch", locale, n.watchName())))
                .append("</li><li>").append(escape(text("alerts.mail.severity", locale, severity(n, locale))))
                .append("</li><li>").append(escape(text("alerts.mail.raised", locale,
                        n.raisedAt() == null ? "" : WHEN.format(n.raisedAt())))).append("</li></ul>");
        if (!link.isEmpty()) {
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(text("alerts.mail.openLink",
                    locale))).append("</a></p>");
        }
    }

    private Outcome send(OutboxRow row, Locale locale, String subject, StringBuilder plain, StringBuilder html) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return new Outcome.Failed("mail not configured");
        }
        if (row.address() == null || row.address().isBlank()) {
            return new Outcome.Abandoned("no address");
        }
        String footer = text("alerts.mail.footer", locale, link("/alerts/settings"));
        plain.append("--\n").append(footer).append('\n');
        String dir = "ar".equals(locale.getLanguage()) ? "rtl" : "ltr";
        String page = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\" dir=\"" + dir + "\"><body>" + html
                + "<hr><p><small>" + escape(footer) + "</small></p></body></html>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(row.address());
            helper.setSubject(subject);
            helper.setText(plain.toString(), page);
            message.setHeader("Message-ID", "<" + row.id() + "@" + domain() + ">");
            message.setHeader("Content-Language", locale.getLanguage());
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
            return Outcome.DELIVERED;
        } catch (MessagingException | MailException e) {
            return new Outcome.Failed("mail: " + e.getClass().getSimpleName());
        }
    }

    private String domain() {
        int at = settings.from().lastIndexOf('@');
        String d = at >= 0 ? settings.from().substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "") : "";
        return d.isEmpty() ? "fusioncell" : d;
    }

    private String link(String link) {
        if (link == null || link.isBlank()) {
            return "";
        }
        return link.startsWith("/") ? settings.baseUrl() + link : link;
    }

    private String severity(AlertNotice n, Locale locale) {
        return Severity.parse(n.severity()).map(s -> text("alerts.severity." + s.name(), locale)).orElse(n.severity());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
