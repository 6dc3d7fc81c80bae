package org.fusioncell.media.pdq;

/** The bytes are not an image the JDK can decode (WebP, HEIC, AVIF, CMYK JPEG…) or are damaged; says which. */
public class UnsupportedImageException extends RuntimeException {

    public UnsupportedImageException(String message) {
        super(message);
    }

    public UnsupportedImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
