/**
 * Cases: investigation, operation and response files shared by a lead organisation with participating
 * organisations (docs/cases.md). A case carries its own marking, released to its participants; every item
 * in it (a report, an entity, an assessment, a screening hit) keeps its own marking and is shown to a reader only when its own module's
 * policy lets them see it. Tasks with dependencies, comments, completion evidence and overdue escalation;
 * a timeline of everything that happened, cut to what the reader may see. Every read and write is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities", "assessment", "screening", "monitoring",
                "exchange :: packages", "monitoring :: incidents"})
package org.fusioncell.cases;
