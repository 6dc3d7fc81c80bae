package org.fusioncell.screening;

import org.fusioncell.access.Marking;

/**
 * The outcome of reading something the screening module holds (a list, a run, a hit): the value, a
 * hit/no-hit notice naming the holder, or nothing. A hidden item and one that does not exist give the
 * same {@link Unknown}, so nothing tells them apart.
 */
public sealed interface ScreeningAccess<T> {

    record Granted<T>(T value) implements ScreeningAccess<T> {
    }

    /** The reader may learn that the holder has it, its level and whom to ask, nothing of its content. */
    record KnownToExist<T>(String holderOrganisationId, Marking marking) implements ScreeningAccess<T> {
    }

    record Unknown<T>() implements ScreeningAccess<T> {
    }
}
