package org.fusioncell.entities;

import java.util.List;
import java.util.Optional;

/**
 * System reads of PERSON entities for automated matching (watchlist screening), with no reader: the
 * caller is a background process, not a user. Nothing read here may be shown to anyone except under the
 * entity's marking, which every {@link PersonParticulars} carries; {@link Entities} is the API for users.
 */
public interface Persons {

    /** The particulars of the entity, empty unless it exists and is a PERSON. */
    Optional<PersonParticulars> particulars(String entityId);

    /**
     * Up to {@code limit} persons whose id is greater than {@code afterId} (use {@code ""} to start), in
     * id order: page on with the last id until a page comes back shorter than {@code limit}.
     */
    List<PersonParticulars> page(String afterId, int limit);
}
