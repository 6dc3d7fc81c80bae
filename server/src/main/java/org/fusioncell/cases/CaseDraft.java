package org.fusioncell.cases;

import org.fusioncell.access.MarkingForm;

/**
 * A new case, or a case's new title and summary, as a client writes it; {@link Cases#open(org.fusioncell.access.Reader,
 * CaseDraft)} checks every value and names the field that is wrong. {@code language}: ar, fr or en.
 */
public record CaseDraft(String title, String summary, String kind, String language, MarkingForm marking) {
}
