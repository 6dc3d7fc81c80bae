package org.fusioncell.cases;

import java.util.Locale;
import java.util.Optional;

/**
 * What a case is for: an INVESTIGATION (gathering evidence that will stand up in court), an OPERATION
 * (coordinated action by several agencies) or a RESPONSE (to an attack that has happened; opened from a template,
 * docs/response.md).
 */
public enum CaseKind {
    INVESTIGATION,
    OPERATION,
    RESPONSE;

    public static Optional<CaseKind> parse(String text) {
        return Words.parse(CaseKind.class, text);
    }

    /** Enum parsing shared by the case vocabulary: trimmed, case-insensitive, empty for anything else. */
    static final class Words {
        private Words() {
        }

        static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
