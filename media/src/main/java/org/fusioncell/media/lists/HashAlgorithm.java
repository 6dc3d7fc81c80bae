package org.fusioncell.media.lists;

import java.util.Locale;

/** The hash kinds a list may carry, with the form of their value (lower-case hex of a fixed length). */
public enum HashAlgorithm {
    PDQ(64), MD5(32), SHA256(64);

    private final int hexDigits;

    HashAlgorithm(int hexDigits) {
        this.hexDigits = hexDigits;
    }

    public int hexDigits() {
        return hexDigits;
    }

    /** The name in lists: {@code pdq}, {@code md5}, {@code sha256}. */
    public String listName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the list names and the spellings exchanges use (PDQ, MD5, SHA256, SHA-256), any case. */
    public static HashAlgorithm parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (t) {
            case "pdq" -> PDQ;
            case "md5" -> MD5;
            case "sha256" -> SHA256;
            // the value is not echoed: messages reach API answers, which never repeat what was sent
            default -> throw new IllegalArgumentException("algorithm must be pdq, md5 or sha256");
        };
    }
}
