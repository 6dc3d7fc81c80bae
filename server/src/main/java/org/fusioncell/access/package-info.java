/**
 * The heart of FusionCell: markings on information, the policy decision point and the query filters
 * that turn a reader into an SQL predicate so that hidden items are never counted, ranked or paged.
 * Beneath every other module; depends on none of them. Plain Java except {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access policy", allowedDependencies = "shared")
package org.fusioncell.access;
