package org.fusioncell.safeguards.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fusioncell.audit.AuditActor;

/**
 * The oversight report (docs/oversight.md): every {@link org.fusioncell.safeguards.OversightSection} for a
 * period, computed afresh from the records, rendered in one of {@link #LANGUAGES}. Nothing is stored, so
 * nothing can be edited; each run is audited with the SHA-256 of the document produced, so a copy handed to an
 * oversight body can be checked against the log. Bad input throws
 * {@link org.fusioncell.shared.InvalidInputException} naming {@code from}, {@code to} or {@code language}.
 */
public interface OversightReports {

    String INFORMATION_TYPE = "oversight-report";

    List<String> LANGUAGES = List.of("ar", "fr", "en");

    Rendered run(AuditActor actor, Instant from, Instant to, Locale language, ReportFormat format);

    /** The document as produced, its SHA-256 (hex) as logged, and the figures it shows. */
    record Rendered(OversightReport report, ReportView view, ReportFormat format, byte[] document, String sha256,
                    String fileName) {
    }
}
