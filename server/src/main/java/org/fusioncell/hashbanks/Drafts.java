package org.fusioncell.hashbanks;

import java.util.List;
import org.fusioncell.access.MarkingForm;

/** What clients send to create banks and entries. */
public final class Drafts {

    private Drafts() {
    }

    /**
     * A new bank. {@code agreements}: agreements in force for the author's organisation under which the bank is
     * shared; they join the marking's releasability, so their other parties see the bank (the marking's TLP must be
     * GREEN or AMBER for an agreement to widen it).
     */
    public record BankDraft(String name, String description, MarkingForm marking, List<String> agreements) {
    }

    /** One hash by value: {@code algorithm} pdq, md5 or sha256; {@code quality} for PDQ only (0..100). */
    public record EntryDraft(String algorithm, String hash, String label, Integer quality, String sourceNote) {
    }
}
