package org.fusioncell.shared;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request body grew past the configured limit while it was being read (chunked bodies have no
 * Content-Length to check up front). An {@link IOException} because it surfaces from
 * {@code InputStream.read}; answered with 413 and nothing written.
 */
@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
public class RequestBodyTooLargeException extends IOException {

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The exception itself or the first cause that is one, or null: parsers wrap what a stream throws. */
    public static RequestBodyTooLargeException findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
