package org.fusioncell.screening;

import java.util.List;

/** A requester's look at the particulars an approved request opens. */
public sealed interface Repersonalised {

    /** The people as screened, unmasked; this view was audited with the request's id and reason. */
    record Granted(RepersonalisationRequest request, List<ScreenedSubject> subjects) implements Repersonalised {
    }

    /** Pending, refused or expired: the particulars stay sealed. */
    record NotOpen(RepersonalisationRequest request) implements Repersonalised {
    }

    /** No such request, or not the reader's. */
    record Unknown() implements Repersonalised {
    }
}
