package org.fusioncell.exchange.rfi;

/** Inbox filters; every part is optional. {@code box}: incoming, outgoing or all (both). */
public record RfiQuery(Box box, AddresseeState state, Priority priority, boolean overdueOnly) {

    public enum Box {
        INCOMING,
        OUTGOING,
        ALL
    }

    public static RfiQuery all() {
        return new RfiQuery(Box.ALL, null, null, false);
    }
}
