package org.fusioncell.intake;

import java.time.Instant;

/** A file attached to a report. Stored once per SHA-256; {@code displayName} is never used on disk. */
public record Attachment(String id, String reportId, String sha256, long size, String mediaType, String displayName,
                         String addedByUserId, Instant addedAt) {
}
