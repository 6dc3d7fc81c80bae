package org.fusioncell.shared;

/** The reason every erasure must give (it goes to the audit log): present, stripped, at most 1000 characters. */
public final class ErasureReason {

    public static final int MAX = 1000;

    private ErasureReason() {
    }

    /** The reason stripped; {@link InvalidInputException} on field {@code reason} when blank or too long. */
    public static String checked(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "an erasure needs a reason");
        }
        String why = reason.strip();
        if (why.length() > MAX) {
            throw new InvalidInputException("reason", "at most " + MAX + " characters");
        }
        return why;
    }
}
