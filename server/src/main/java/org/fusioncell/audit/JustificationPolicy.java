package org.fusioncell.audit;

import java.util.Optional;

/**
 * When a reader must say why before opening an item: at or above a configured classification rank
 * ({@code fusioncell.audit.justification-from-rank}, default 2 = CONFIDENTIAL in the default scheme).
 * Item detail endpoints ask for it (header {@value #HEADER} on the API, a form in the UI, prompt
 * {@value #PROMPT_KEY}) and pass it into the CONSULTATION record with {@link AuditRecord#withJustification}.
 */
public final class JustificationPolicy {

    public static final String HEADER = "X-FusionCell-Justification";
    /** Message key of the UI prompt, in the audit bundle of all three languages. */
    public static final String PROMPT_KEY = "audit.justification.prompt";
    /** Message key of the refusal shown when a required justification is missing or too long. */
    public static final String REQUIRED_KEY = "audit.justification.required";
    /** The audit log's column width. */
    public static final int MAX_LENGTH = 2000;

    private final int fromRank;

    public JustificationPolicy(int fromRank) {
        if (fromRank < 0) {
            throw new IllegalArgumentException("fusioncell.audit.justification-from-rank must be zero or more");
        }
        this.fromRank = fromRank;
    }

    public int fromRank() {
        return fromRank;
    }

    /** True when opening an item of this classification rank needs a justification. */
    public boolean required(int classificationRank) {
        return classificationRank >= fromRank;
    }

    public String promptMessageKey() {
        return PROMPT_KEY;
    }

    /**
     * The justification to record, trimmed, or empty when the reader must be asked again (it is
     * required and blank, or longer than {@link #MAX_LENGTH}). A justification given where none is
     * required is kept.
     */
    public Optional<String> accept(int classificationRank, String justification) {
        String text = justification == null ? "" : justification.strip();
        if (text.length() > MAX_LENGTH || (text.isEmpty() && required(classificationRank))) {
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
