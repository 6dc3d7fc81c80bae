package org.fusioncell.shared;

/**
 * An item whose retention period has run out, as a module lists it for the retention purge: its id and the
 * organisation that holds it (the purge erases it as a processing reader of that organisation). Nothing else:
 * the purge decides on holds and dates, never on content.
 */
public record ExpiredItem(String id, String organisationId) {
}
