package org.fusioncell.assessment.internal;

import java.time.LocalDate;
import java.util.List;
import org.fusioncell.assessment.Confidence;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Subject;

/** One version's text as stored (JSON in {@code assessment_version.content}); the marking is stored beside it. */
record Content(ProductType productType, String language, String title, Subject subject, List<Portion> summary,
               List<KeyJudgment> keyJudgments, String likelihood, String impact, String threatLevel,
               Confidence confidence, String confidenceReasons, List<EvidenceLink> evidence, List<String> assumptions,
               List<Indicator> indicators, LocalDate validFrom, LocalDate validUntil, LocalDate reviewBy,
               String publicSummary) {
}
