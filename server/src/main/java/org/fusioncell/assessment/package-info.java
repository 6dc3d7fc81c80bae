/**
 * Threat assessments and the cell's other products (situation reports, partner alerts): structured
 * judgments on a calibrated probability yardstick, likelihood × impact on a configurable matrix, evidence
 * the author may see, four-eyes approval, dissemination within policy with read receipts and feedback,
 * withdrawal that notifies every recipient, sanitised versions released with the originators' approval,
 * threat levels per area and sector, and bulletins rendered as HTML and PDF in Arabic, French and English.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities", "monitoring"})
package org.fusioncell.assessment;
