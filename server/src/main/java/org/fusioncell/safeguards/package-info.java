/**
 * Rights safeguards and oversight (docs/safeguards.md): the retention register with legal bases, purposes
 * and periods, legal holds and the purge of what has expired; review of holdings; redress for people wrongly
 * flagged; access-pattern review of the audit log; oversight reports that the auditor runs and nobody edits.
 * Depersonalisation of passenger and screening data lives with the screening module, which owns that data;
 * this module holds the rules and the people who decide. Every read and write is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safeguards",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities", "search", "screening",
                "monitoring", "monitoring :: incidents", "assessment", "exchange", "cases", "release", "names",
                "submissions"})
package org.fusioncell.safeguards;
