package org.fusioncell.release;

/** The outcome of filing an access request; refusals are values. */
public sealed interface Filing {

    /** Filed, or the same requester's request still pending for that item. */
    record Filed(AccessRequest request) implements Filing {
    }

    /** The reader may already see the item: nothing to ask. */
    record AlreadyVisible() implements Filing {
    }

    /** No such item, or one the reader may not learn exists: told apart by nobody. */
    record Unknown() implements Filing {
    }
}
