package org.fusioncell.cases.evidence;

import java.time.Instant;

/** An evidence item as recorded at intake, with its current custodian and a transfer awaiting acknowledgement. */
public record EvidenceItem(String id, String caseId, Kind kind, String title, String description, String sha256,
                           Long size, String mediaType, String fileName, String sealNumber, String location,
                           String tool, String sourceDevice, String custodianUserId, String pendingToUserId,
                           boolean disposed, String createdByUserId, Instant createdAt) {

    public enum Kind {
        FILE, PHYSICAL, DIGITAL_EXTRACTION
    }
}
