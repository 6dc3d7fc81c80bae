package org.fusioncell.intake;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;

/**
 * Files attached to reports, read through the report's access decision. Content is stored once per
 * SHA-256; the media type is detected from the content, never trusted from the caller.
 */
public interface Attachments {

    /**
     * Attaches {@code content} to a report the reader's organisation contributed and the reader may
     * see; empty when the report is unknown to them. Bad names, disguised or disallowed types throw
     * {@link org.fusioncell.shared.InvalidInputException} (field {@code file}); too much content throws
     * {@link AttachmentTooLargeException}. On any error nothing is stored.
     */
    Optional<Attachment> attach(Reader reader, String reportId, String fileName, String declaredType,
                                InputStream content);

    Disclosure<List<Attachment>> list(Reader reader, String reportId, String justification);

    /** The attachment and where its bytes are; audited as a disclosure. */
    Disclosure<Content> open(Reader reader, String reportId, String attachmentId, String justification);

    record Content(Attachment attachment, Path file) {
    }
}
