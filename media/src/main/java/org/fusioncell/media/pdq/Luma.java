package org.fusioncell.media.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;

/**
 * Rec. 601 luminance of an image, row-major, as floats in 0..255. {@code pixels} may be longer than
 * {@code rows × cols} (a reused buffer); only the first {@code rows × cols} count.
 */
record Luma(float[] pixels, int rows, int cols) {

    private static final float R = 0.299f;
    private static final float G = 0.587f;
    private static final float B = 0.114f;
    /** R·v, G·v and B·v for every byte value v: the same float products, looked up rather than computed. */
    private static final float[] RED = new float[256];
    private static final float[] GREEN = new float[256];
    private static final float[] BLUE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            RED[v] = R * v;
            GREEN[v] = G * v;
            BLUE[v] = B * v;
        }
    }

    static Luma of(BufferedImage image) {
        return of(image, null);
    }

    /** As {@link #of(BufferedImage)}, into a buffer of the thread's workspace (a fresh array when null). */
    static Luma of(BufferedImage image, PdqHasher.Workspace work) {
        int cols = image.getWidth();
        int rows = image.getHeight();
        int size = Math.multiplyExact(rows, cols);
        float[] out = work == null ? new float[size] : work.image(size, null);
        int stride = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3
                : image.getType() == BufferedImage.TYPE_4BYTE_ABGR ? 4 : 0;
        if (stride > 0 && packedBytes(image, stride)) {
            // what ImageIO gives for colour JPEGs (BGR) and PNGs with alpha (ABGR, not premultiplied): sRGB bytes
            // as stored, so this equals getRGB without its per-pixel colour-model call; alpha is skipped
            byte[] bytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0, p = stride - 3; i < size; i++, p += stride) {
                out[i] = RED[bytes[p + 2] & 0xff] + GREEN[bytes[p + 1] & 0xff] + BLUE[bytes[p] & 0xff];
            }
            return new Luma(out, rows, cols);
        }
        int[] row = new int[cols];
        for (int y = 0; y < rows; y++) {
            // getRGB converts every colour model to sRGB ARGB; alpha is ignored as the reference does
            image.getRGB(0, y, cols, 1, row, 0, cols);
            for (int x = 0; x < cols; x++) {
                int rgb = row[x];
                out[y * cols + x] = R * ((rgb >> 16) & 0xff) + G * ((rgb >> 8) & 0xff) + B * (rgb & 0xff);
            }
        }
        return new Luma(out, rows, cols);
    }

    /**
     * The stored 8-bit samples of a one-band image as they are, with no colour-space conversion: for a JPEG
     * decoded to its Y channel these are the luminance the encoder computed (0.299 R + 0.587 G + 0.114 B of the
     * original pixels), which {@code getRGB} would instead treat as linear grey and brighten.
     */
    static Luma ofStoredGrey(BufferedImage image, PdqHasher.Workspace work) {
        int cols = image.getWidth();
        int rows = image.getHeight();
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY || !packedBytes(image, 1)) {
            throw new IllegalArgumentException("not a packed 8-bit grey image");
        }
        int size = Math.multiplyExact(rows, cols);
        float[] out = work.image(size, null);
        byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < size; i++) {
            out[i] = grey[i] & 0xff;
        }
        return new Luma(out, rows, cols);
    }

    /** Whether the raster is one array of {@code samples}-byte pixels, row after row, with no padding. */
    static boolean packedBytes(BufferedImage image, int samples) {
        return image.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && image.getRaster().getParent() == null && bytes.getNumBanks() == 1 && bytes.getOffset() == 0
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == samples && model.getScanlineStride() == image.getWidth() * samples;
    }

    /** The image as a viewer shows it for an EXIF orientation (1..8); other values leave it as stored. */
    Luma oriented(int orientation) {
        return oriented(orientation, null);
    }

    /** As {@link #oriented(int)}, into the thread's other image buffer (a fresh array when null). */
    Luma oriented(int orientation, PdqHasher.Workspace work) {
        if (orientation < 2 || orientation > 8) {
            return this;
        }
        boolean swap = orientation >= 5;
        int outRows = swap ? cols : rows;
        int outCols = swap ? rows : cols;
        float[] out = work == null ? new float[rows * cols] : work.image(rows * cols, pixels);
        for (int y = 0; y < outRows; y++) {
            for (int x = 0; x < outCols; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = cols - 1 - x; sy = y; }
                    case 3 -> { sx = cols - 1 - x; sy = rows - 1 - y; }
                    case 4 -> { sx = x; sy = rows - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = rows - 1 - x; }
                    case 7 -> { sx = cols - 1 - y; sy = rows - 1 - x; }
                    default -> { sx = cols - 1 - y; sy = x; }
                }
                out[y * outCols + x] = pixels[sy * cols + sx];
            }
        }
        return new Luma(out, outRows, outCols);
    }
}
