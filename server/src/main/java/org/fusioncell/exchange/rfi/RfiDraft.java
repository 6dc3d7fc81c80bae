package org.fusioncell.exchange.rfi;

import java.util.List;
import org.fusioncell.access.MarkingForm;

/**
 * A new request as a client writes it; every value is checked by {@link RequestsForInformation#file}, which
 * names the field that is wrong. {@code dueAt} is an ISO-8601 instant or date (a date means its end, UTC).
 */
public record RfiDraft(String title, String question, String priority, String dueAt, List<String> addressees,
                       List<String> entityIds, MarkingForm marking) {
}
