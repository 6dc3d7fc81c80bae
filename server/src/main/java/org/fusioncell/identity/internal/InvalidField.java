package org.fusioncell.identity.internal;

import org.fusioncell.shared.InvalidInputException;

/**
 * Bad input with a message key, so that the API answers in English (problem detail naming the field)
 * and a form shows the same problem translated next to the field.
 */
public class InvalidField extends InvalidInputException {

    private final String key;
    private final transient Object[] args;

    InvalidField(String field, String english, String key, Object... args) {
        super(field, english);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
