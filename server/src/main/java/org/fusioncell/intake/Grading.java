package org.fusioncell.intake;

import java.util.Objects;

/**
 * The two Admiralty judgements, never merged into one number: source reliability (A–F) and
 * information credibility (1 confirmed … 6 cannot be judged). A new, untested source is F.
 */
public record Grading(SourceReliability reliability, int credibility) {

    public Grading {
        Objects.requireNonNull(reliability, "reliability");
        if (credibility < 1 || credibility > 6) {
            throw new IllegalArgumentException("credibility is 1 to 6");
        }
    }

    /** The usual short form, e.g. {@code B2}. */
    public String code() {
        return reliability.name() + credibility;
    }
}
