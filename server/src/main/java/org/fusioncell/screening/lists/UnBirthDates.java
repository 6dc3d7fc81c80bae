package org.fusioncell.screening.lists;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.names.BirthDate;

/**
 * The UN list's INDIVIDUAL_DATE_OF_BIRTH as a {@link BirthDate} range.
 *
 * <ul>
 *   <li>EXACT with DATE → that day; EXACT with YEAR → that year; EXACT with only a NOTE such as
 *       "Nov. 1973" or "Between Aug. and Sep. 1977" → those months.</li>
 *   <li>BETWEEN with FROM_YEAR and TO_YEAR → 1 January of the first to 31 December of the last.</li>
 *   <li>APPROXIMATELY with YEAR → the year before to the year after. "Approximately" is how the UN
 *       writes a year it is not sure of; one year either side keeps a traveller born in late
 *       December or early January of the neighbouring year in range without making every
 *       approximate date match a decade.</li>
 *   <li>Anything else (no type and no date, notes such as "30-35 years old" or a Hijri date) → nothing:
 *       the entry is still listed, only without that date.</li>
 * </ul>
 */
final class UnBirthDates {

    private static final Pattern MONTH_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(\\d{4})");
    private static final Pattern BETWEEN_MONTHS =
            Pattern.compile("between\\s+([a-z]{3,9})\\.?\\s+and\\s+([a-z]{3,9})\\.?\\s+(\\d{4})");

    private UnBirthDates() {
    }

    /**
     * @throws IllegalArgumentException when a DATE, YEAR, FROM_YEAR or TO_YEAR is not a date, or
     *                                  the type is one the list does not define
     */
    static Optional<BirthDate> of(XmlRecord dob) {
        String type = dob.text("TYPE_OF_DATE").orElse("").toUpperCase(Locale.ROOT);
        Optional<String> date = dob.text("DATE");
        Optional<String> year = dob.text("YEAR");
        return switch (type) {
            case "EXACT", "" -> date.map(d -> BirthDate.exact(UnConsolidatedListReader.date(d)))
                    .or(() -> year.map(y -> BirthDate.year(year(y))))
                    .or(() -> dob.text("NOTE").flatMap(UnBirthDates::fromNote));
            case "APPROXIMATELY" -> date.map(d -> UnConsolidatedListReader.date(d).getYear()).or(() -> year.map(UnBirthDates::year))
                    .map(y -> BirthDate.between(BirthDate.year(y - 1), BirthDate.year(y + 1)));
            case "BETWEEN" -> {
                Optional<String> from = dob.text("FROM_YEAR");
                Optional<String> to = dob.text("TO_YEAR");
                if (from.isEmpty() || to.isEmpty()) {
                    yield Optional.empty();
                }
                yield Optional.of(BirthDate.between(BirthDate.year(year(from.get())), BirthDate.year(year(to.get()))));
            }
            default -> throw new IllegalArgumentException("unknown TYPE_OF_DATE '" + type
                    + "' (expected EXACT, APPROXIMATELY or BETWEEN)");
        };
    }

    /** A date written in an alias (YYYY-MM-DD, sometimes only a year); anything else is left out. */
    static Optional<BirthDate> lenient(String text) {
        try {
            return Optional.of(BirthDate.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<BirthDate> fromNote(String note) {
        String text = note.strip().toLowerCase(Locale.ROOT);
        Matcher between = BETWEEN_MONTHS.matcher(text);
        if (between.matches()) {
            int year = Integer.parseInt(between.group(3));
            Optional<Integer> from = month(between.group(1));
            Optional<Integer> to = month(between.group(2));
            if (from.isPresent() && to.isPresent() && from.get() <= to.get()) {
                return Optional.of(new BirthDate(YearMonth.of(year, from.get()).atDay(1),
                        YearMonth.of(year, to.get()).atEndOfMonth()));
            }
            return Optional.empty();
        }
        Matcher monthYear = MONTH_YEAR.matcher(text);
        if (monthYear.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(monthYear.group(2)), 1);
            return month(monthYear.group(1)).map(m -> month.withMonth(m))
                    .map(m -> new BirthDate(m.atDay(1), m.atEndOfMonth()));
        }
        return Optional.empty();
    }

    /** Month number from an English name or its abbreviation ("Sep", "Sept", "September"). */
    static Optional<Integer> month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (n.length() >= 3 && n.startsWith(months[i])) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static int year(String text) {
        String y = text.strip();
        if (!y.matches("\\d{4}")) {
            throw new IllegalArgumentException("not a year: '" + y + "'");
        }
        return Integer.parseInt(y);
    }
}
