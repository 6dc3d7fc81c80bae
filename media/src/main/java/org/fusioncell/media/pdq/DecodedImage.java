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
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decoding with the JDK's ImageIO, which reads JPEG, PNG, GIF (first frame), BMP and TIFF. It does not read WebP,
 * HEIC/HEIF, AVIF, JPEG 2000 or JPEG XL, nor CMYK/YCCK JPEGs; those are refused with the reason rather than hashed
 * wrongly. ImageIO ignores EXIF orientation, so for JPEGs the orientation tag is read here and applied.
 *
 * <p>For speed, and as the hash allows (docs/media.md, "Hashing speed"): JPEGs are decoded to their Y channel,
 * and large images are read subsampled ({@link #subsampling}).
 */
final class DecodedImage {

    private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "bmp", "tif");
    /** Refuse pixel counts that would need more than ~1.6 GB of float buffers. */
    private static final long MAX_PIXELS = 200_000_000L;
    /** Images are read subsampled down to no less than this on their shorter side ({@link #subsampling}). */
    static final int MIN_SIDE = 512;

    private DecodedImage() {
    }

    static Luma readLuma(InputStream in, PdqHasher.Workspace work) throws IOException {
        return readLuma(in, work, 0);
    }

    /**
     * {@code subsampling} 0 chooses it from the size ({@link #subsampling}); tests pass 1 (full size) or more to
     * measure its effect.
     */
    static Luma readLuma(InputStream in, PdqHasher.Workspace work, int subsampling) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            throw new UnsupportedImageException("the file is empty");
        }
        // in memory: ImageIO.createImageInputStream would cache an InputStream in a temporary file
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
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
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > MAX_PIXELS) {
                    throw new UnsupportedImageException("the image has " + pixels + " pixels; at most "
                            + MAX_PIXELS + " are hashed");
                }
                boolean jpeg = format.equals("jpeg");
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling > 0 ? subsampling : subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                ImageTypeSpecifier grey = jpeg && Math.min(width, height) >= MIN_SIDE ? greyOutput(reader) : null;
                if (grey != null) {
                    param.setDestinationType(grey);
                }
                BufferedImage image = reader.read(0, param);
                Luma luma = grey != null && image.getType() == BufferedImage.TYPE_BYTE_GRAY
                        && Luma.packedBytes(image, 1) ? Luma.ofStoredGrey(image, work) : Luma.of(image, work);
                return jpeg ? luma.oriented(ExifOrientation.of(bytes), work) : luma;
            } catch (IIOException e) {
                throw new UnsupportedImageException("the " + format + " image cannot be decoded by ImageIO ("
                        + e.getMessage() + "); CMYK and YCCK JPEGs are not supported", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Every how many pixels to read, in both directions: the largest step that keeps the shorter side at
     * {@link #MIN_SIDE} pixels or more. The filter averages over windows of 1/128 of a side and keeps 64 samples
     * per side, so at 512 each output sample still averages 8×8 or more of the pixels read; a 12-megapixel photo
     * (4032×3024) is read at 806×605 (step 5). Images whose shorter side is under 1,024 pixels are read whole.
     */
    static int subsampling(int width, int height) {
        return Math.max(1, Math.min(width, height) / MIN_SIDE);
    }

    /**
     * The 8-bit grey output the JPEG reader offers when the file is YCbCr or grey: the decoder then hands over the
     * Y channel and skips chroma upsampling and colour conversion, about half of the decoding time. Null when it
     * offers none (RGB-coded JPEGs), in which case the image is read in colour as before. Used only from
     * {@link #MIN_SIDE} pixels on the shorter side: there the filter averages each pixel's ±½ rounding away and the
     * hash equals that of the colour decoding (all 20 bridge-size reference rows: 0 bits apart), while on small
     * images it does not (up to 8 bits on the 256×256 labelme photos, 36 on a flat one of quality 3), and those
     * decode fast in colour anyway.
     */
    private static ImageTypeSpecifier greyOutput(ImageReader reader) throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                return type;
            }
        }
        return null;
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
