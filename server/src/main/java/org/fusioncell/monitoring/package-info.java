/**
 * Continuous monitoring: watches (standing queries on entities, names, identifiers, text, tags,
 * areas, incident types and groups), their evaluation as data arrives, alerts and their delivery
 * (inbox with live push, e-mail, signed webhooks), incidents, and trends with anomalies and forecasts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities", "screening", "search",
                "names"})
package org.fusioncell.monitoring;
