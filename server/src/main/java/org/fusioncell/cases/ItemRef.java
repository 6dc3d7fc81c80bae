package org.fusioncell.cases;

/** A typed reference to an item of another module: a case item, a piece of completion evidence. */
public record ItemRef(ItemType itemType, String itemId) {
}
