package org.fusioncell.shared;

/**
 * The one pagination convention of the API and the UI: {@code ?page=0&size=50}, zero-based,
 * size capped at {@link #MAX_SIZE}. Counts and pages are always computed by the database over the
 * items the reader may see (never post-filtered).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInputException("page", "must be zero or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
