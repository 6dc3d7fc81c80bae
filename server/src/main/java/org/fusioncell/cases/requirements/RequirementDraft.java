package org.fusioncell.cases.requirements;

import org.fusioncell.access.MarkingForm;

/**
 * A new or edited requirement. {@code priority}: LOW, NORMAL, HIGH, URGENT; {@code validFrom}, {@code validUntil}:
 * ISO-8601 instants or dates (validFrom defaults to now, validUntil is optional). The marking is ignored on edit.
 */
public record RequirementDraft(String code, String title, String question, String priority, String validFrom,
                               String validUntil, MarkingForm marking) {
}
