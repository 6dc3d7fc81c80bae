package org.fusioncell.monitoring.trends.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.monitoring.incidents.IncidentStatistics.Period;
import org.fusioncell.monitoring.trends.Anomaly;
import org.fusioncell.monitoring.trends.Forecast;
import org.fusioncell.monitoring.trends.Suppression;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of the trends pages in the reader's language (bundle {@code i18n/trends}): an anomaly's
 * explanation, the forecast's method and backtest, periods and countries. Every number is formatted
 * here, with Western digits and a dot in all three languages as elsewhere in the application, and
 * passes through the small-count suppression first. Used from templates as {@code @trendsLabels}.
 */
@Component("trendsLabels")
public class TrendsLabels {

    private final MessageSource messages;
    private final Suppression suppression;
    private final Map<String, String> iso3ToIso2 = new HashMap<>();

    TrendsLabels(MessageSource messages, TrendsSettings settings) {
        this.messages = messages;
        this.suppression = settings.suppression();
        for (String iso2 : Locale.getISOCountries()) {
            iso3ToIso2.put(Locale.of("", iso2).getISO3Country(), iso2);
        }
    }

    public Suppression suppression() {
        return suppression;
    }

    /**
     * A count as shown on a page. "&lt; 5" is isolated left-to-right (U+2066 … U+2069) so that in an Arabic
     * sentence or table cell it does not turn into "5 &gt;".
     */
    public String count(long count) {
        return isolated(suppression.show(count));
    }

    public String estimate(double estimate) {
        return isolated(suppression.show(estimate));
    }

    private static String isolated(String shown) {
        return shown.startsWith("<") ? "\u2066" + shown + "\u2069" : shown;
    }

    public static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    public String period(LocalDate start, Period period) {
        return period == Period.MONTH ? start.toString().substring(0, 7) : start.toString();
    }

    /** A country by its ISO3 code, in the reader's language, with the code. */
    public String country(String iso3) {
        if (iso3 == null) {
            return "";
        }
        String iso2 = iso3ToIso2.get(iso3);
        String name = iso2 == null ? "" : Locale.of("", iso2).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isBlank() ? iso3 : name + " (" + iso3 + ")";
    }

    /**
     * An anomaly in a sentence: what was counted against what was expected, the robust z, and the
     * baseline. When the count itself is suppressed, z is left out (with the expected value it would give
     * the count away).
     */
    public String explain(Anomaly a, Period period) {
        boolean hidden = suppression.hides(a.observed());
        String z = hidden ? "—" : decimal(a.z(), 1);
        String head = message(a.direction() == Anomaly.Direction.RISE ? "trends.anomaly.rise" : "trends.anomaly.fall",
                period(a.periodStart(), period), count(a.observed()), estimate(a.expected()), z);
        return head + " " + baseline(a.baseline(), period) + " " + message("trends.anomaly.rule",
                decimal(a.threshold(), 1));
    }

    public String baseline(Anomaly.Baseline b, Period period) {
        String key = b.kind() == Anomaly.Baseline.Kind.SEASONAL ? "trends.baseline.seasonal" : "trends.baseline.rolling";
        return message(key, String.valueOf(b.periods().size()), period(b.first(), period), period(b.last(), period),
                estimate(b.median()), decimal(b.mad(), 1), decimal(b.scale(), 1));
    }

    public String method(Forecast f) {
        Forecast.Method m = f.method();
        return message("trends.forecast.method", decimal(m.alpha(), 2), decimal(m.beta(), 2), decimal(m.phi(), 2),
                String.valueOf(m.fittedPeriods()), decimal(m.sigma(), 1));
    }

    public String interval(Forecast f) {
        return message("trends.forecast.interval", percent(f.level()));
    }

    /** 0.8 as "80". */
    public String percent(double level) {
        return String.valueOf(Math.round(level * 100));
    }

    public String backtest(Forecast f, Period period) {
        Forecast.Backtest b = f.backtest();
        if (b == null) {
            return message("trends.forecast.noBacktest");
        }
        return message("trends.forecast.backtest", String.valueOf(b.holdOut()), period(b.from(), period),
                period(b.to(), period), decimal(b.mae(), 1), decimal(b.naiveMae(), 1), String.valueOf(b.within()));
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
