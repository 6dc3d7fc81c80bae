package org.fusioncell.intake;

/** An attachment over {@code fusioncell.intake.attachment-max-bytes}; nothing was stored. */
public class AttachmentTooLargeException extends RuntimeException {

    private final long limitBytes;

    public AttachmentTooLargeException(long limitBytes) {
        super("attachment larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
