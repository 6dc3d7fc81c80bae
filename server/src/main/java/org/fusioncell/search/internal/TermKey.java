package org.fusioncell.search.internal;

import java.util.Arrays;
import org.apache.lucene.util.BytesRef;

/**
 * A term's bytes with their hash computed once: the presearcher and the checks look terms up in hash
 * maps thousands of times per document, and {@link BytesRef} hashes its bytes again on every lookup.
 */
final class TermKey {

    private final byte[] bytes;
    private final int hash;

    private TermKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    static TermKey of(BytesRef term) {
        return new TermKey(Arrays.copyOfRange(term.bytes, term.offset, term.offset + term.length));
    }

    /** The first {@code length} bytes (a prefix key to probe). */
    TermKey prefix(int length) {
        return new TermKey(Arrays.copyOf(bytes, length));
    }

    int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TermKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
