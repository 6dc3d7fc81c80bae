package org.fusioncell.screening.web;

import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.internal.ScreeningInput;
import org.fusioncell.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The single query form as the browser posts it. Every value is checked by {@link ScreeningInput},
 * which names the wrong field with the form's own names, so the page shows the error at its input.
 */
public class QueryPageForm {

    private String name;
    private String dateOfBirth;
    private String nationality;
    private String document;
    private String gender;
    private String threshold;

    ScreeningQuery toQuery() {
        return ScreeningInput.query(name, dateOfBirth, nationality, document, gender, ScreeningInput.Fields.JSON);
    }

    /** The threshold typed, or null for the configured one; the facade checks its range. */
    @Nullable Double checkedThreshold() {
        return threshold(threshold);
    }

    static @Nullable Double threshold(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("threshold", "a number such as 0.85");
        }
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDateOfBirth() { return dateOfBirth; }
    public void setDateOfBirth(String v) { dateOfBirth = v; }
    public String getNationality() { return nationality; }
    public void setNationality(String v) { nationality = v; }
    public String getDocument() { return document; }
    public void setDocument(String v) { document = v; }
    public String getGender() { return gender; }
    public void setGender(String v) { gender = v; }
    public String getThreshold() { return threshold; }
    public void setThreshold(String v) { threshold = v; }
}
