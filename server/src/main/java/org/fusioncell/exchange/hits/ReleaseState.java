package org.fusioncell.exchange.hits;

/** Where a request for release after a hit stands: not asked, asked (the holder's supervisors decide), decided. */
public enum ReleaseState {
    NONE, REQUESTED, RELEASED, DECLINED;

    public boolean decided() {
        return this == RELEASED || this == DECLINED;
    }
}
