package org.fusioncell.media.pdq;

/**
 * The EXIF orientation tag (0x0112) of a JPEG, read from the APP1 "Exif" segment's first IFD. Cameras store the
 * sensor's pixels and record how to turn them; hashing what a viewer shows keeps a phone photo matching its
 * re-saved copies. Returns 1 (as stored) when there is no tag or the segment is malformed.
 */
final class ExifOrientation {

    private static final int TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                return 1; // pixel data starts: no EXIF before it
            }
            int length = u16(jpeg, at + 2, true);
            if (length < 2 || at + 2 + length > jpeg.length) {
                return 1;
            }
            if (marker == 0xe1 && length >= 8 && jpeg[at + 4] == 'E' && jpeg[at + 5] == 'x' && jpeg[at + 6] == 'i'
                    && jpeg[at + 7] == 'f' && jpeg[at + 8] == 0 && jpeg[at + 9] == 0) {
                return fromTiff(jpeg, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return 1;
        }
        long ifd = u32(b, tiff + 4, bigEndian);
        if (ifd < 8 || tiff + ifd + 2 > end) {
            return 1;
        }
        int entries = tiff + (int) ifd;
        int count = u16(b, entries, bigEndian);
        for (int i = 0; i < count; i++) {
            int entry = entries + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == TAG) {
                int value = u16(b, entry + 8, bigEndian); // type SHORT, count 1: value in the first two bytes
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int hi = b[at] & 0xff;
        int lo = b[at + 1] & 0xff;
        return bigEndian ? (hi << 8) | lo : (lo << 8) | hi;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int idx = bigEndian ? at + i : at + 3 - i;
            v = (v << 8) | (b[idx] & 0xff);
        }
        return v;
    }
}
