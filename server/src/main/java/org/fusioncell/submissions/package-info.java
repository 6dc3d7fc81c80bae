/**
 * Civil-society submissions (docs/submissions.md): observations sent to a cell by contributors — signed in or
 * anonymously from a public form — triaged by the cell's analysts and turned into reports through the intake
 * module; the submitter's name and contact are sealed and shown only to the cell's designated role, each reveal
 * audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Civil-society submissions",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake"})
package org.fusioncell.submissions;
