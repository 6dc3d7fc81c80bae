package org.fusioncell.monitoring.internal;

import org.fusioncell.monitoring.Watch;

/** A watch that an item satisfies, and why (shown only to recipients who may see the item). */
record WatchMatch(Watch watch, String why) {
}
