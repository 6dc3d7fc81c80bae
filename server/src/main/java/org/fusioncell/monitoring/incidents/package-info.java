/**
 * Incident records (docs/incidents.md): the named interface through which other modules (the attack response of
 * the cases module) link and open an incident under the reader's access predicate.
 */
@org.springframework.modulith.NamedInterface("incidents")
package org.fusioncell.monitoring.incidents;
