package org.fusioncell.entities;

import org.fusioncell.access.Marking;

/** The outcome of opening an entity: hidden and absent are one and the same {@link Unknown}. */
public sealed interface EntityAccess {

    record Opened(Entity entity) implements EntityAccess {
    }

    record KnownToExist(String entityId, String holderOrganisationId, Marking marking) implements EntityAccess {
    }

    record Unknown() implements EntityAccess {
    }
}
