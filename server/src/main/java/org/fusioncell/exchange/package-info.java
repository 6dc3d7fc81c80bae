/**
 * Exchange between organisations and cells: requests for information; STIX 2.1 bundles — export of the
 * reports, entities and links a reader may see (through the intake and entities APIs only), and import in
 * one transaction after structural checks, with TLP 2.0 markings and the FusionCell extension carrying
 * classification, releasability, originator control, caveats and grading; the TAXII 2.1 server; (next)
 * the TAXII client and offline packages. Every export and import is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "entities", "monitoring", "assessment", "names"})
package org.fusioncell.exchange;
