package org.fusioncell.cases;

/** Published in the transaction that erases a case ({@link CaseErasure#erase}), before its rows go. */
public record CaseErased(String caseId, String organisationId, String erasedBy, String reason) {
}
