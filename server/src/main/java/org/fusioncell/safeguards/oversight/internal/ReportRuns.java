package org.fusioncell.safeguards.oversight.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditActor;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.oversight.OversightReport;
import org.fusioncell.safeguards.oversight.OversightReports;
import org.fusioncell.safeguards.oversight.ReportFormat;
import org.fusioncell.safeguards.oversight.ReportView;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the report: every section bean in order, the document in the format asked, its SHA-256, and one
 * CONSULTATION record of the report naming the period, language, format and hash — in one read-only pass
 * whose only write is that record.
 */
@Service
class ReportRuns implements OversightReports {

    /** Ten years: longer periods are a typing error more often than a wish. */
    private static final Duration LONGEST = Duration.ofDays(3660);
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.BASIC_ISO_DATE.withZone(ZoneOffset.UTC);

    private final List<OversightSection> sections;
    private final ReportWriting writing;
    private final AuditLog audit;
    private final Clock clock;

    ReportRuns(List<OversightSection> sections, ReportWriting writing, AuditLog audit, Clock clock) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(OversightSection::order)
                .thenComparing(OversightSection::id)).toList();
        this.writing = writing;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Rendered run(AuditActor actor, Instant from, Instant to, Locale language, ReportFormat format) {
        if (from == null) {
            throw new InvalidInputException("from", "is required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new InvalidInputException("to", "the period may be at most ten years");
        }
        if (language == null || !LANGUAGES.contains(language.getLanguage())) {
            throw new InvalidInputException("language", "must be one of " + String.join(", ", LANGUAGES));
        }
        if (format == null) {
            throw new InvalidInputException("format", "must be one of HTML, PDF, CSV");
        }
        Locale locale = Locale.forLanguageTag(language.getLanguage());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OversightReport report = new OversightReport(from, to, locale, now, actor.userId(), sections.stream()
                .map(s -> new OversightReport.Section(s.id(), s.tables(from, to))).toList());
        ReportView view = writing.view(report);
        byte[] document = switch (format) {
            case HTML -> writing.html(view);
            case PDF -> writing.pdf(view);
            case CSV -> writing.csv(view);
        };
        String sha256 = sha256(document);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, actor.userId(), actor.organisationId(),
                INFORMATION_TYPE, List.of()).withDetails(Map.of("from", from.toString(), "to", to.toString(),
                "language", locale.getLanguage(), "format", format.name(), "sha256", sha256,
                "sections", String.join(",", sections.stream().map(OversightSection::id).toList()))));
        String fileName = "oversight-report-" + FILE_DAY.format(from) + "-" + FILE_DAY.format(to.minusMillis(1)) + "-"
                + locale.getLanguage() + "." + format.extension();
        return new Rendered(report, view, format, document, sha256, fileName);
    }

    static String sha256(byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
