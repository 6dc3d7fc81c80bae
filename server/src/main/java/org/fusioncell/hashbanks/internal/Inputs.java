package org.fusioncell.hashbanks.internal;

import java.text.Normalizer;
import org.fusioncell.media.lists.HashAlgorithm;
import org.fusioncell.media.lists.HashEntry;
import org.fusioncell.shared.InvalidInputException;

/** Checks of what clients send, each naming its field. */
final class Inputs {

    private Inputs() {
    }

    /** Stripped, NFC, at most {@code max} characters, without control characters; null when blank and optional. */
    static String text(String field, String value, int max, boolean required) {
        String v = value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, "contains a control character");
            }
        }
        return v;
    }

    static HashAlgorithm algorithm(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required; pdq, md5 or sha256");
        }
        try {
            return HashAlgorithm.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be pdq, md5 or sha256");
        }
    }

    /** Lower-case hex of the algorithm's length: PDQ 64 digits, MD5 32, SHA-256 64 (the value is never echoed). */
    static String hash(String field, String value, HashAlgorithm algorithm) {
        try {
            return new HashEntry(value, algorithm, "", false).hash();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    static Integer bounded(String field, Integer value, int min, int max, Integer fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be " + min + ".." + max);
        }
        return value;
    }
}
