package org.fusioncell.exchange.packages;

/**
 * A package file over {@code fusioncell.exchange.packages.max-bytes}, or one whose objects are more than an
 * import takes ({@code fusioncell.exchange.stix.max-objects}): answered 413 naming {@code field}, nothing written.
 */
public class PackageTooLargeException extends RuntimeException {

    private final String field;
    private final long limit;

    public PackageTooLargeException(String field, String problem, long limit) {
        super(field + ": " + problem);
        this.field = field;
        this.limit = limit;
    }

    public String field() {
        return field;
    }

    public long limit() {
        return limit;
    }
}
