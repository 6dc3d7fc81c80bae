package org.fusioncell.safeguards.oversight;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A finding's explanation in a reader's language: the message {@code oversight.rule.<rule>.explanation} with the
 * observed figure, the threshold, the window (in the cell's zone) and the rule's detail.
 */
@Component
public class Explanations {

    private final MessageSource messages;

    public Explanations(MessageSource messages) {
        this.messages = messages;
    }

    public String explain(Finding f, Locale locale, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(zone);
        Object[] args = {f.observed(), f.threshold(), time.format(f.windowStart()), time.format(f.windowEnd()),
                f.detail() == null ? "" : f.detail(), f.objects() == null ? 0 : f.objects(),
                f.objectThreshold() == null ? 0 : f.objectThreshold(), zone.getId()};
        return messages.getMessage("oversight.rule." + f.rule().name() + ".explanation", args, locale);
    }

    public String title(Finding f, Locale locale) {
        return messages.getMessage("oversight.rule." + f.rule().name(), null, locale);
    }
}
