package org.fusioncell.safeguards.oversight.internal;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import org.fusioncell.safeguards.OversightCell;
import org.springframework.context.MessageSource;

/**
 * A cell as text in the report's language. Figures are written with Latin digits in every language, as the
 * platform's pages do, so that an Arabic and a French copy of a report show the same numbers.
 */
final class CellText {

    static final String ABSENT = "—";

    private final MessageSource messages;
    private final Locale locale;
    private final NumberFormat counts;
    private final NumberFormat rates;

    CellText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        Locale digits = Locale.forLanguageTag(locale.getLanguage() + "-u-nu-latn");
        this.counts = NumberFormat.getIntegerInstance(digits);
        this.rates = NumberFormat.getPercentInstance(digits);
        this.rates.setMaximumFractionDigits(1);
        this.rates.setMinimumFractionDigits(1);
    }

    String text(OversightCell cell) {
        return switch (cell) {
            case OversightCell.Term t -> message(t.messageKey());
            case OversightCell.Text t -> t.value() == null || t.value().isEmpty() ? ABSENT : t.value();
            case OversightCell.Count c -> counts.format(c.value());
            case OversightCell.Rate r -> r.value() == null ? ABSENT : rates.format(r.value());
            case OversightCell.Time t -> t.value() == null ? ABSENT : duration(t.value());
        };
    }

    /** For the CSV: figures as plain numbers a spreadsheet reads (a rate as a fraction), terms translated. */
    String raw(OversightCell cell) {
        return switch (cell) {
            case OversightCell.Count c -> Long.toString(c.value());
            case OversightCell.Rate r -> r.value() == null ? "" : String.format(Locale.ROOT, "%.4f", r.value());
            case OversightCell.Time t -> t.value() == null ? "" : t.value().toString();
            case OversightCell.Text t -> t.value() == null ? "" : t.value();
            case OversightCell.Term t -> message(t.messageKey());
        };
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    boolean figure(OversightCell cell) {
        return cell instanceof OversightCell.Count || cell instanceof OversightCell.Rate
                || cell instanceof OversightCell.Time;
    }

    private String duration(Duration d) {
        return message("oversight.duration", d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }
}
