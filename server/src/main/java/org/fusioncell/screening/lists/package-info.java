/**
 * Readers for the list files FusionCell screens against: the UN Security Council Consolidated List
 * XML, OFAC's legacy CSV sets, FollowTheMoney JSON lines and FusionCell's national list CSV. Plain
 * Java, no Spring. {@link org.fusioncell.screening.lists.WatchlistFiles} tells the format from the
 * file; each reader returns a whole {@link org.fusioncell.screening.Watchlist} or throws a
 * {@link org.fusioncell.screening.lists.WatchlistFormatException} naming the file and the place in it.
 * The formats and their mapping are documented in docs/screening.md ("List formats").
 */
package org.fusioncell.screening.lists;
