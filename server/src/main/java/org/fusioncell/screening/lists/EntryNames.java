package org.fusioncell.screening.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.screening.WatchlistEntry.ListedName;
import org.fusioncell.screening.WatchlistEntry.NameQuality;

/**
 * The names of one entry as a reader collects them: white space collapsed, blanks skipped, a name
 * given twice kept once (its first quality wins), and over-long names refused, because a name of
 * thousands of characters is a broken file, not a person, and would only slow matching down.
 */
final class EntryNames {

    /** Longer names are refused; the longest real listed name (an OFAC company) has about 160 characters. */
    static final int MAX_NAME_LENGTH = 1_000;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<ListedName> names = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /**
     * @throws IllegalArgumentException when the name is longer than {@link #MAX_NAME_LENGTH}
     */
    void add(String name, NameQuality quality, boolean originalScript) {
        String clean = collapse(name);
        if (clean.isEmpty()) {
            return;
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a name has " + clean.length() + " characters, more than the limit of "
                    + MAX_NAME_LENGTH);
        }
        if (seen.add(clean)) {
            names.add(new ListedName(clean, quality, originalScript));
        }
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    List<ListedName> list() {
        return List.copyOf(names);
    }

    /** Single spaces between words, none at the ends; null gives the empty string. */
    static String collapse(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(stripped.charAt(i + 1)))) {
                return SPACES.matcher(stripped).replaceAll(" ");
            }
        }
        return stripped;
    }

    /** True when the text has a letter of a script other than Latin (Arabic, Cyrillic, Han…). */
    static boolean hasNonLatinLetters(String text) {
        return text.codePoints().anyMatch(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN);
    }
}
