package org.fusioncell.cases.evidence;

/** A signed evidence package (ZIP) and the name it is offered under. */
public record EvidencePackage(byte[] file, String fileName, String manifestSha256) {
}
