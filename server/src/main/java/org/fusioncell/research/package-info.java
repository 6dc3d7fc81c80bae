/**
 * Research access (docs/research.md): a researcher asks a cell for a dataset — purpose, ethics approval, fields
 * from an allow-list, period, aggregates or pseudonymised records; an approver of that cell decides; an approved
 * request is exported from what the approver may see, with small-cell suppression or k-anonymity (optionally
 * differentially private counts), and every export is logged with its row count and SHA-256 and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Research access",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "monitoring",
                "monitoring :: incidents"})
package org.fusioncell.research;
