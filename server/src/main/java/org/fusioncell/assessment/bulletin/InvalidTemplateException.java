package org.fusioncell.assessment.bulletin;

import org.fusioncell.shared.InvalidInputException;

/**
 * A bulletin template that cannot be used: names the line (1-based) and the template field at fault
 * ({@code templateField}; {@code null} when the fault is not about a field, e.g. an unclosed brace). The
 * request field is always {@code source}, the template's text.
 */
public class InvalidTemplateException extends InvalidInputException {

    private final int line;
    private final String templateField;

    public InvalidTemplateException(int line, String templateField, String problem) {
        super("source", "line " + line + ": " + problem);
        this.line = line;
        this.templateField = templateField;
    }

    public int line() {
        return line;
    }

    public String templateField() {
        return templateField;
    }
}
