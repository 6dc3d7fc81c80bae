package org.fusioncell.research;

import java.time.Instant;

/**
 * One export of an approved request, as logged: who made it (the approver whose view it was cut from), when,
 * how many rows it holds and how many records or cells were suppressed, the generalisation applied, and the
 * SHA-256 of the file.
 */
public record ResearchExport(String id, String requestId, String madeBy, Instant madeAt, int rowCount,
                             int suppressedCount, String sha256, String generalisation) {

    /** The file itself, for download. */
    public record File(ResearchExport export, String fileName, byte[] content) {
    }
}
