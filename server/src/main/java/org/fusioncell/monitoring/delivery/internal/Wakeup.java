package org.fusioncell.monitoring.delivery.internal;

/** Tells the delivery worker that rows were committed, so it sends now rather than at its next sweep. */
interface Wakeup {

    void wake();
}
