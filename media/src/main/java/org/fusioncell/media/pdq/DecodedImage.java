package org.fusioncell.media.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decoding with the JDK's ImageIO, which reads JPEG, PNG, GIF (first frame), BMP and TIFF. It does not read WebP,
 * HEIC/HEIF, AVIF, JPEG 2000 or JPEG XL, nor CMYK/YCCK JPEGs; those are refused with the reason rather than hashed
 * wrongly. ImageIO ignores EXIF orientation, so for JPEGs the orientation tag is read here and applied.
 */
final class DecodedImage {

    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "bmp", "tif");
    /** Refuse pixel counts that would need more than ~1.6 GB of float buffers. */
    private static final long MAX_PIXELS = 200_000_000L;

    private DecodedImage() {
    }

    static Luma readLuma(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            throw new UnsupportedImageException("the file is empty");
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new UnsupportedImageException(describeUnreadable(bytes));
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if (FORMATS.stream().noneMatch(format::startsWith)) {
                reader.dispose();
                throw new UnsupportedImageException("image format " + format + " is not hashed; "
                        + "JPEG, PNG, GIF, BMP and TIFF are");
            }
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UnsupportedImageException("the image has " + pixels + " pixels; at most "
                            + MAX_PIXELS + " are hashed");
                }
                BufferedImage image = reader.read(0);
                Luma luma = Luma.of(image);
                return format.equals("jpeg") ? luma.oriented(ExifOrientation.of(bytes)) : luma;
            } catch (IIOException e) {
                throw new UnsupportedImageException("the " + format + " image cannot be decoded by ImageIO ("
                        + e.getMessage() + "); CMYK and YCCK JPEGs are not supported", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String describeUnreadable(byte[] b) {
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "WebP images are not decoded (the JDK has no WebP reader); convert to PNG or JPEG";
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "HEIC/HEIF/AVIF images are not decoded (the JDK has no reader for them); convert to PNG or JPEG";
        }
        return "not an image the JDK can decode; JPEG, PNG, GIF, BMP and TIFF are hashed";
    }
}
