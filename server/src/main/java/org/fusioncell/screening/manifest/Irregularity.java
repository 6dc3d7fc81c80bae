package org.fusioncell.screening.manifest;

/**
 * Something wrong or guessed in an interchange that did not stop it being read: a control count or
 * reference that disagrees with the content (when the reader tolerates those), a nationality code
 * that names no ISO country, bytes that were not UTF-8. Analysts see these beside the manifest.
 *
 * @param segment the segment's 1-based position in the interchange (UNA counted when present)
 */
public record Irregularity(int segment, String tag, String reason) {

    static String describe(int segment, String tag, String reason) {
        return segment <= 0 ? reason : "segment " + segment + " (" + tag + "): " + reason;
    }

    @Override
    public String toString() {
        return describe(segment, tag, reason);
    }
}
