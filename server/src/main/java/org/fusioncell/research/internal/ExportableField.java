package org.fusioncell.research.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The allow-list of the incident dataset: the only fields that may ever leave in a research export, and how each
 * is generalised, level by level, until k-anonymity holds. Names, identifiers, places finer than the first-level
 * administrative area, coordinates, sources, descriptions and any free text are not here, so they cannot be
 * requested, whatever the request says. Level 0 is already coarser than what is stored: dates leave as months,
 * casualty counts as bands.
 */
public enum ExportableField {
    DATE("date", 3),
    COUNTRY("country", 1),
    ADMIN1("admin1", 1),
    ATTACK_TYPE("attackType", 1),
    TARGET_TYPE("targetType", 1),
    WEAPON("weapon", 1),
    PERPETRATOR_GROUP("perpetratorGroup", 1),
    FATALITIES("fatalities", 2),
    INJURIES("injuries", 2);

    /** What a value generalised to its top level (or unknown) reads as. */
    public static final String ANY = "*";

    private final String key;
    private final int topLevel;

    ExportableField(String key, int topLevel) {
        this.key = key;
        this.topLevel = topLevel;
    }

    public String key() {
        return key;
    }

    /** The level at which every value reads {@link #ANY}. */
    public int topLevel() {
        return topLevel;
    }

    public static Optional<ExportableField> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key == null ? "" : key.trim())).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ExportableField::key).toList();
    }

    /** The value at {@code level}: raw values are LocalDate (date), Integer (counts) or String. */
    public String generalise(Object raw, int level) {
        if (raw == null || level >= topLevel) {
            return ANY;
        }
        return switch (this) {
            case DATE -> date((LocalDate) raw, level);
            case FATALITIES, INJURIES -> band((Integer) raw, level);
            default -> {
                String s = raw.toString().strip();
                yield s.isEmpty() ? ANY : s;
            }
        };
    }

    private static String date(LocalDate d, int level) {
        return switch (level) {
            case 0 -> String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
            case 1 -> String.format(Locale.ROOT, "%04d-Q%d", d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            default -> String.format(Locale.ROOT, "%04d", d.getYear());
        };
    }

    private static String band(int n, int level) {
        if (n <= 0) {
            return "0";
        }
        if (level == 1) {
            return "1+";
        }
        return n < 5 ? "1-4" : n < 10 ? "5-9" : n < 50 ? "10-49" : "50+";
    }
}
