package org.fusioncell.referrals.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.identity.Readers;
import org.fusioncell.referrals.InclusionCategory;
import org.fusioncell.referrals.Referrals;
import org.fusioncell.referrals.TransparencyReport;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The transparency report as JSON, CSV and PDF, the same for API clients and signed-in pages; its lines (labels in
 * the reader's language) are built once here and shared by the CSV, the PDF and the page.
 */
@Component
class TransparencyExports {

    /** One line of the report: its section, the key (a code), the label in the language and the figure. */
    record Line(String section, String key, String label, String value) {
    }

    private final Referrals referrals;
    private final Readers readers;
    private final MessageSource messages;
    private final TransparencyPrinting printing;

    TransparencyExports(Referrals referrals, Readers readers, MessageSource messages, TransparencyPrinting printing) {
        this.referrals = referrals;
        this.readers = readers;
        this.messages = messages;
        this.printing = printing;
    }

    TransparencyReport report(String from, String to) {
        return referrals.transparency(readers.current(), date("from", from), date("to", to));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: a date such as 2026-01-31");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a date; write it as 2026-01-31");
        }
    }

    static String language(String lang) {
        return lang != null && List.of("ar", "fr", "en").contains(lang) ? lang
                : LocaleContextHolder.getLocale().getLanguage();
    }

    ResponseEntity<?> csv(String from, String to, String lang) {
        TransparencyReport r = report(from, to);
        String language = language(lang);
        StringBuilder out = new StringBuilder("\uFEFFsection,key,label,value\r\n");
        for (Line l : lines(r, language)) {
            out.append(cell(l.section())).append(',').append(cell(l.key())).append(',').append(cell(l.label()))
                    .append(',').append(cell(l.value())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"referrals-transparency-" + r.from() + "-"
                        + r.to() + ".csv\"").body(out.toString());
    }

    ResponseEntity<?> pdf(String from, String to, String lang) {
        TransparencyReport r = report(from, to);
        String language = language(lang);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"referrals-transparency-" + r.from() + "-" + r.to()
                        + ".pdf\"")
                .body(printing.print(r, lines(r, language), language));
    }

    /** The report's figures in order: totals, then by category, platform, outcome and appeal outcome. */
    List<Line> lines(TransparencyReport r, String language) {
        Locale locale = Locale.forLanguageTag(language);
        List<Line> out = new ArrayList<>();
        out.add(new Line("total", "referrals", t(locale, "referrals.report.referrals"), String.valueOf(r.referrals())));
        out.add(new Line("total", "actioned", t(locale, "referrals.report.actioned"), String.valueOf(r.actioned())));
        out.add(new Line("total", "appeals", t(locale, "referrals.report.appeals"), String.valueOf(r.appeals())));
        out.add(new Line("total", "median_time_to_action_hours", t(locale, "referrals.report.median"),
                r.medianTimeToAction() == null ? "" : String.format(Locale.ROOT, "%.1f",
                        r.medianTimeToAction().toSeconds() / 3600.0)));
        Map<String, String> labels = new java.util.HashMap<>();
        for (InclusionCategory c : referrals.policy()) {
            labels.put(c.code(), c.label(language));
        }
        r.byCategory().forEach((k, v) -> out.add(new Line("category", k, labels.getOrDefault(k, k),
                String.valueOf(v))));
        r.byPlatform().forEach((k, v) -> out.add(new Line("platform", k, k, String.valueOf(v))));
        r.byOutcome().forEach((k, v) -> out.add(new Line("outcome", k, t(locale, "referrals.outcome." + k),
                String.valueOf(v))));
        r.byAppealOutcome().forEach((k, v) -> out.add(new Line("appeal_outcome", k,
                t(locale, "referrals.appealOutcome." + k), String.valueOf(v))));
        return out;
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }

    /** RFC 4180 quoting; a cell a spreadsheet would take for a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
