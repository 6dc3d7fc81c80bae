package org.fusioncell.plans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fusioncell.shared.InvalidInputException;

/** Checks of what a client writes, each naming the field that is wrong. */
final class PlanInput {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 4000;
    /** Amounts are stored with two decimals at most, up to 16 digits before the point. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());


    private PlanInput() {
    }

    static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return v;
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

    static void within(String field, LocalDate date, LocalDate start, LocalDate end) {
        if (date.isBefore(start) || date.isAfter(end)) {
            throw new InvalidInputException(field, "outside the plan period " + start + " to " + end);
        }
    }

    static String country(String value) {
        String c = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(c) && !userAssigned(c)) {
            throw new InvalidInputException("country", "an ISO 3166 two-letter country code, e.g. MR, TN, ML,"
                    + " or a user-assigned one (XA–XZ, QM–QZ, AA, ZZ) for a fictitious country");
        }
        return c;
    }

    static boolean userAssigned(String country) {
        return country != null && org.fusioncell.plans.PlanTree.Header.USER_ASSIGNED_COUNTRY.matcher(country).matches();
    }

    /** A count of people: required or 0 when absent, never negative. */
    static int count(String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInputException(field, "is required: a number of people");
            }
            return 0;
        }
        if (value < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
        if (value > 10_000_000) {
            throw new InvalidInputException(field, "too large");
        }
        return value;
    }

    static Currency currency(String value) {
        String c = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        try {
            if (c.length() == 3) {
                return Currency.getInstance(c);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("currency", "unknown currency; an ISO 4217 code such as MRU, XOF, EUR, USD");
    }

    /** A non-negative amount in {@code currency}, with no more decimals than the currency has. */
    static BigDecimal amount(String field, String value, Currency currency, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required: an amount such as \"125000.00\"");
            }
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal a = decimal(field, value);
        if (a.signum() < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
        if (a.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException(field, "too large");
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (a.stripTrailingZeros().scale() > Math.min(2, digits)) {
            throw new InvalidInputException(field, currency.getCurrencyCode() + " amounts have at most "
                    + Math.min(2, digits) + " decimals");
        }
        return a.setScale(2);
    }

    static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required: a number such as \"12.5\"");
        }
        try {
            BigDecimal d = new BigDecimal(value.strip());
            if (d.abs().compareTo(new BigDecimal("99999999999999")) > 0 || d.stripTrailingZeros().scale() > 4) {
                throw new InvalidInputException(field, "at most 14 digits before the point and 4 after");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "not a number; write it as \"12.5\"");
        }
    }

    /** One of {@code allowed} (case-insensitive, spaces as underscores), or the default when blank and allowed. */
    static String choice(String field, String value, List<String> allowed, String whenBlank) {
        if (value == null || value.isBlank()) {
            if (whenBlank != null) {
                return whenBlank;
            }
            throw new InvalidInputException(field, "is required; one of " + allowed);
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (!allowed.contains(v)) {
            throw new InvalidInputException(field, "one of " + allowed);
        }
        return v;
    }
}
