/**
 * Release on request: after a hit/no-hit notice a reader asks the holder for an item; users of the
 * holder organisation approve (the item is re-marked to include the requester) or deny. Requests
 * carry ids, states and the parties' reasons only, never the item's content; every step is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Release",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities"})
package org.fusioncell.release;
