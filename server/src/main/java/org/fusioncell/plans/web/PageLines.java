package org.fusioncell.plans.web;

import java.util.ArrayList;
import java.util.List;
import org.fusioncell.shared.InvalidInputException;

/** What a page's text areas and number inputs hold: lists one item a line, whole numbers. */
final class PageLines {

    private PageLines() {
    }

    /** The non-blank lines, stripped. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    /** A whole number typed in a form, null when left empty. */
    static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "a whole number, such as 120");
        }
    }
}
