/**
 * The entity graph: people, groups, places and identifiers (phones, e-mails, IBANs, accounts…), their
 * mentions in reports, typed links with provenance, extraction proposals from report text, and
 * correlation by normalised identifier key, and resolution: merge suggestions (shared identifiers, and
 * names through the {@code names} engine), merges and exact splits. Every entity, mention and link
 * carries its own marking and is read through the access module's SQL predicate only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entities",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "search", "names"})
package org.fusioncell.entities;
