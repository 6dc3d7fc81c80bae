package org.fusioncell.shared;

/**
 * The item does not exist <em>or the reader may not know that it exists</em>: both are answered
 * identically (404, same body), so a status code never reveals a hidden item.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind) {
        super(kind);
    }

    public String kind() {
        return getMessage();
    }
}
