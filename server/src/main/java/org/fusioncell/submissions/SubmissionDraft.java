package org.fusioncell.submissions;

import java.io.InputStream;

/**
 * A submission as written. {@code observedOn} is ISO text (today when absent); {@code name} and {@code contact} are
 * optional and sealed; {@code anonymous} hides even a signed-in contributor's organisation from the cell.
 */
public record SubmissionDraft(String cellOrganisationId, String kind, String language, String text, String place,
                              String observedOn, Boolean anonymous, String name, String contact) {

    /** An attached file: the name the browser gave, its declared size, its content. */
    public record Upload(String fileName, long size, InputStream content) {
    }
}
