package org.fusioncell.intake;

import java.util.Locale;
import java.util.Optional;

/** NATO Admiralty source reliability, A–F. Judged independently of the information's credibility. */
public enum SourceReliability {
    A, B, C, D, E, F;

    public static Optional<SourceReliability> parse(String text) {
        if (text == null || text.trim().length() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
