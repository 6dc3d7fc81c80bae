package org.fusioncell.exchange;

/** Published in the transaction that erases a request for information, before its rows go. */
public record RfiErased(String rfiId, String organisationId, String erasedBy, String reason) {
}
