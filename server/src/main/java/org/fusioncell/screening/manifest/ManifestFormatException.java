package org.fusioncell.screening.manifest;

/**
 * A manifest that cannot be read. The message names the segment (its 1-based position in the
 * interchange, counting UNA when present, as StAEDI does and as an editor shows the file), the
 * segment tag and the reason, e.g. {@code segment 14 (DTM): date of birth '7513x2' is not YYMMDD}.
 * Nothing of a refused interchange is returned.
 */
public class ManifestFormatException extends RuntimeException {

    private final int segment;
    private final String tag;
    private final String reason;

    public ManifestFormatException(int segment, String tag, String reason) {
        this(segment, tag, reason, null);
    }

    public ManifestFormatException(int segment, String tag, String reason, Throwable cause) {
        super(Irregularity.describe(segment, tag, reason), cause);
        this.segment = segment;
        this.tag = tag;
        this.reason = reason;
    }

    /** The segment's position in the interchange (1-based), 0 when the input has no segment at all. */
    public int segment() {
        return segment;
    }

    /** The segment tag, empty when there is no segment. */
    public String tag() {
        return tag;
    }

    public String reason() {
        return reason;
    }
}
