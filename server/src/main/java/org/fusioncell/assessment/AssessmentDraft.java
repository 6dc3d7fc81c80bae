package org.fusioncell.assessment;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.access.MarkingForm;

/**
 * A product as written (API body or form). {@code likelihood} and {@code impact} are keys of the
 * configured matrix axes; {@code publicSummary} is the unclassified text shown beside the internal threat
 * level; {@code supersedes} names the product this one replaces once disseminated.
 */
public record AssessmentDraft(String productType, String language, String title, Subject subject,
                              List<Portion> summary, List<KeyJudgment> keyJudgments, String likelihood, String impact,
                              String confidence, String confidenceReasons, List<EvidenceLink> evidence,
                              List<String> assumptions, List<Indicator> indicators, LocalDate validFrom,
                              LocalDate validUntil, LocalDate reviewBy, String publicSummary, MarkingForm marking,
                              String supersedes) {
}
