package org.fusioncell.entities;

/** Why a merge or a split was refused; nothing was written. */
public enum Refusal {
    /** An entity cannot be merged into itself. */
    SAME_ENTITY,
    /** Only entities of one type merge (a person with a person). */
    DIFFERENT_TYPE,
    /**
     * The entities are held under different markings. A merged entity could not keep the audience of each
     * (a marking has one owner and one releasability), so a reader would gain or lose what they could see.
     */
    DIFFERENT_MARKING,
    /** One of the entities has already been merged into another. */
    ALREADY_MERGED,
    /** The merge has already been split. */
    ALREADY_SPLIT,
    /** The survivor has since been merged into another entity: split that later merge first. */
    SURVIVOR_MERGED_AWAY
}
