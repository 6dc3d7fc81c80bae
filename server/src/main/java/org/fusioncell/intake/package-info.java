/**
 * Intelligence intake: graded, marked reports contributed by agencies. Every read goes through the
 * access module's SQL predicate; every read and write is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake", allowedDependencies = {"shared", "access", "audit", "identity", "search"})
package org.fusioncell.intake;
