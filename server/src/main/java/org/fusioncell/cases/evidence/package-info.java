/**
 * Evidence and chain of custody of a case (docs/evidence.md): items with a hash at intake, custody events chained
 * by hash (tamper-evident like the audit log), transfers acknowledged by the receiver, and a signed evidence
 * package for prosecutors that {@link org.fusioncell.cases.evidence.EvidenceVerifyCommand} checks offline.
 */
package org.fusioncell.cases.evidence;
