package org.fusioncell.safeguards.redress;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A redress request and its review. {@code language} is the person's (ar, fr or en): their letter is written
 * in it. {@code hitIds} are the screening hits the officer confirmed are about the person.
 */
public record RedressRequest(String id, String organisationId, String filedBy, Instant filedAt, RedressPerson person,
                             String language, @Nullable String representative, String contact,
                             @Nullable String statement, State state, @Nullable String assignedTo,
                             @Nullable Outcome outcome, @Nullable String outcomeReason, @Nullable String decidedBy,
                             @Nullable Instant decidedAt, List<String> hitIds, List<Note> notes) {

    public RedressRequest {
        hitIds = List.copyOf(hitIds);
        notes = List.copyOf(notes);
    }

    public enum State { FILED, UNDER_REVIEW, DECIDED }

    /** UPHELD: the person was wrongly flagged. */
    public enum Outcome { UPHELD, NOT_UPHELD }

    public record Note(String writtenBy, Instant writtenAt, String text) {
    }

    public boolean decided() {
        return state == State.DECIDED;
    }
}
