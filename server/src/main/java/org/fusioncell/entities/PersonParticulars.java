package org.fusioncell.entities;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What automated matching needs of a PERSON entity: every name and alias (the first is the entity's
 * first name, as recorded), the date of birth as recorded ({@code 1985}, {@code 1985-07} or
 * {@code 1985-07-14}), the nationality (ISO 3166 alpha-2, upper case as entities store it), the gender
 * ({@code MALE}, {@code FEMALE}, {@code UNKNOWN}) and the numbers of the person's identity documents.
 *
 * <p>These are personal data read without a reader: whatever is derived from them (a screening hit, a
 * match) must carry the entity's marking ({@code markingId}, owned by {@code ownerOrganisationId}) so
 * that only those who may see the entity see it, and must never be logged.
 */
public record PersonParticulars(String entityId, List<String> names, @Nullable String dateOfBirth,
                                @Nullable String nationality, @Nullable String gender, List<String> documentNumbers,
                                String markingId, String ownerOrganisationId) {

    public PersonParticulars {
        names = List.copyOf(names);
        documentNumbers = List.copyOf(documentNumbers);
    }
}
