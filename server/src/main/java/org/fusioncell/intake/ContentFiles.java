package org.fusioncell.intake;

import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed files for other modules (case evidence), stored exactly as report attachments are (staged
 * while hashed, moved atomically into place, equal content once) under {@code <data-dir>/evidence} — a root of
 * their own, so erasing a report never removes evidence — and with the same size limit
 * ({@code fusioncell.intake.attachment-max-bytes}).
 */
public interface ContentFiles {

    record Stored(String sha256, long size, byte[] prefix) {
    }

    /** Streams and stores {@code in}; throws {@link AttachmentTooLargeException} over the limit (nothing kept). */
    Stored store(InputStream in);

    /** A stored file whose name and content type were checked as report attachments' are. */
    record CheckedFile(String sha256, long size, String mediaType, String displayName) {
    }

    /**
     * Stores {@code in} as {@link #store} does, after the checks report attachments pass: a safe display name, and
     * a media type detected from the content, on the attachments' allow-list and matching the name's extension and
     * {@code declaredType} (when given). A refusal throws {@link org.fusioncell.shared.InvalidInputException}
     * (field {@code file}) and too much content {@link AttachmentTooLargeException}; either way nothing is kept.
     */
    CheckedFile storeChecked(String fileName, String declaredType, InputStream in);

    /** The content with that SHA-256, if stored. */
    Optional<InputStream> open(String sha256);
}
