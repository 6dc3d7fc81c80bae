/**
 * The tamper-evident access log: every collection, consultation, disclosure, alteration,
 * combination, erasure, export, search and login, who, when, what (ids only) and why. Append-only and
 * hash-chained; {@code ./fusioncell audit verify} names the first broken record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log", allowedDependencies = "shared")
package org.fusioncell.audit;
