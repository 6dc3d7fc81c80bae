package org.fusioncell.referrals;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.Marking;

/**
 * A piece of online content as the cell recorded it, with its latest assessment ({@code assessment} null until
 * assessed). Seen through its marking like every information item.
 */
public record OnlineContent(String id, String url, String platformOrganisationId, String account, String language,
                            String capturedText, Instant capturedAt, Marking marking, String ownerOrganisationId,
                            String createdBy, Instant createdAt, Assessment assessment, List<ContentFile> files) {

    /** A file kept with the content (a screenshot, a saved page), stored once per SHA-256. */
    public record ContentFile(String id, String sha256, long size, String mediaType, String fileName,
                              String addedBy, Instant addedAt) {
    }

    /** In scope: {@code category} is one of the policy's; out of scope: category null. */
    public record Assessment(boolean inScope, String category, String listedEntity, String rationale,
                             String assessedBy, Instant assessedAt) {
    }
}
