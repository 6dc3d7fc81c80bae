package org.fusioncell.intake;

/**
 * Published in the transaction that erases a report ({@link Reports#erase}), before intake's own rows go:
 * modules holding rows keyed by the report remove them in a synchronous listener, in that same
 * transaction, so that a failure anywhere leaves the report whole. After commit the search index drops
 * its document. {@code erasedBy} is the acting user (or processing actor), {@code reason} the one given.
 */
public record ReportErased(String reportId, String organisationId, String erasedBy, String reason) {
}
