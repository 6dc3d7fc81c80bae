/**
 * Watchlist screening: lists (UN Consolidated List, OFAC SDN, FollowTheMoney, national CSV) with
 * versions and differences, single, batch and passenger-manifest screening through the
 * {@code names} engine, and the review of hits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening",
        allowedDependencies = {"shared", "access", "audit", "identity", "entities", "names"})
package org.fusioncell.screening;
