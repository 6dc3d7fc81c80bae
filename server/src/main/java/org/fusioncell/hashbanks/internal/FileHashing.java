package org.fusioncell.hashbanks.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.Tika;
import org.fusioncell.hashbanks.UploadedFile;
import org.fusioncell.media.digest.FileDigests;
import org.fusioncell.media.pdq.PdqHasher;
import org.fusioncell.media.pdq.PdqResult;
import org.fusioncell.media.pdq.UnsupportedImageException;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hashes of an uploaded file: MD5 and SHA-256 of every file, and for an image (its type detected from the
 * content, not the name) its PDQ hash and quality through the media engine. An image that cannot be hashed is
 * refused with the engine's reason, naming the field {@code file}: damaged, a format the JDK does not decode (WebP,
 * HEIC, AVIF, CMYK JPEG…), or more pixels than {@code fusioncell.hashbanks.max-image-pixels} — read from the
 * header before anything is decoded, so a decompression bomb (a small file declaring a huge picture) costs nothing.
 * At most {@code fusioncell.hashbanks.concurrent-images} images are decoded at once, which bounds the memory
 * decoding takes (about 8 bytes a pixel).
 */
@Component
class FileHashing {

    /** What a file gave; {@code pdq} null when it is not an image or only its digests were asked for. */
    record FileHashes(FileDigests digests, String mediaType, PdqResult pdq) {
    }

    private static final Tika TIKA = new Tika();
    /** Shared: its DCT matrix is computed once; its image buffers are per thread. */
    private static final PdqHasher PDQ = new PdqHasher();

    private final long maxFileBytes;
    private final long maxImagePixels;
    private final Semaphore decoding;

    FileHashing(@Value("${fusioncell.hashbanks.max-file-bytes:10485760}") long maxFileBytes,
                @Value("${fusioncell.hashbanks.max-image-pixels:50000000}") long maxImagePixels,
                @Value("${fusioncell.hashbanks.concurrent-images:2}") int concurrentImages) {
        this.maxFileBytes = maxFileBytes;
        this.maxImagePixels = maxImagePixels;
        this.decoding = new Semaphore(Math.max(1, concurrentImages), true);
    }

    long maxFileBytes() {
        return maxFileBytes;
    }

    FileHashes hash(UploadedFile file, boolean digestsOnly) {
        if (file == null || file.content() == null || file.content().length == 0) {
            throw new InvalidInputException("file", "required: a non-empty file (multipart part named file)");
        }
        byte[] bytes = file.content();
        if (bytes.length > maxFileBytes) {
            throw new InvalidInputException("file", "larger than the limit of " + maxFileBytes + " bytes");
        }
        FileDigests digests = FileDigests.of(bytes);
        String type = TIKA.detect(bytes);
        if (digestsOnly || !type.startsWith("image/")) {
            return new FileHashes(digests, type, null);
        }
        checkPixels(bytes);
        try {
            decoding.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to decode an image", e);
        }
        try {
            return new FileHashes(digests, type, PDQ.hash(new ByteArrayInputStream(bytes)));
        } catch (UnsupportedImageException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("file", "the image could not be read (" + e.getClass().getSimpleName()
                    + ")");
        } finally {
            decoding.release();
        }
    }

    /** Reads the declared size from the header only; formats ImageIO does not know are left to the engine. */
    private void checkPixels(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxImagePixels) {
                    throw new InvalidInputException("file", "the image declares " + pixels + " pixels; at most "
                            + maxImagePixels + " are decoded (a larger picture, or a decompression bomb)");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            // a damaged header: the engine's decoding says what is wrong with it
        }
    }
}
