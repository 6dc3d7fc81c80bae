package org.fusioncell.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An agreement as other modules may show and reference it: title, kind ({@code MOU} or
 * {@code INFORMATION_SHARING_AGREEMENT}), status, dates (null when open-ended), parties (organisation ids) and the
 * joint projects it names.
 */
public record AgreementSummary(String id, String title, String kind, String status, LocalDate validFrom,
                               LocalDate validUntil, Set<String> parties, List<String> jointProjects) {
}
