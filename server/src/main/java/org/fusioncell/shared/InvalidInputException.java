package org.fusioncell.shared;

/**
 * Bad input from a caller, naming the field (a JSON pointer-like path or a parameter name) and what
 * is wrong with it. Rendered as an RFC 9457 problem detail with status 400; nothing is written.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String problem() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }
}
