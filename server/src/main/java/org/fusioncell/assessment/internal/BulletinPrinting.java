package org.fusioncell.assessment.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentAccess;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.Bulletins;
import org.fusioncell.assessment.bulletin.BulletinComposer;
import org.fusioncell.assessment.bulletin.BulletinContent;
import org.fusioncell.assessment.bulletin.BulletinRenderer;
import org.fusioncell.assessment.bulletin.BulletinTemplate;
import org.fusioncell.assessment.bulletin.BulletinTemplates;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Organisations;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens the product as the reader (audited, read receipt), composes it in the language and prints it. */
@Service
class BulletinPrinting implements Bulletins {

    private final Assessments assessments;
    private final BulletinComposer composer;
    private final BulletinRenderer renderer;
    private final BulletinTemplates templates;
    private final Colleagues colleagues;
    private final Organisations organisations;
    private final AuditLog audit;

    BulletinPrinting(Assessments assessments, BulletinComposer composer, BulletinRenderer renderer,
                     BulletinTemplates templates, Colleagues colleagues, Organisations organisations, AuditLog audit) {
        this.assessments = assessments;
        this.composer = composer;
        this.renderer = renderer;
        this.templates = templates;
        this.colleagues = colleagues;
        this.organisations = organisations;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Printing print(Reader reader, String assessmentId, String language, Format format) {
        if (language != null && !BulletinComposer.LANGUAGES.contains(language)) {
            throw new InvalidInputException("lang", "one of ar, fr, en");
        }
        return switch (assessments.open(reader, assessmentId)) {
            case AssessmentAccess.Opened o -> new Printing.Done(print(reader, o.assessment(), language, format));
            case AssessmentAccess.KnownToExist k -> new Printing.KnownToExist(k);
            case AssessmentAccess.Unknown u -> new Printing.Unknown();
        };
    }

    private Printed print(Reader reader, Assessment a, String requested, Format format) {
        String language = requested == null ? a.language() : requested;
        BulletinContent content = composer.compose(a, language, names(a));
        BulletinTemplate template = templates.forProduct(a.productType(), language);
        String hash = renderer.contentHash(template, content);
        byte[] bytes = format == Format.PDF ? renderer.pdf(template, content)
                : renderer.html(template, content).getBytes(StandardCharsets.UTF_8);
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(),
                Assessments.INFORMATION_TYPE, List.of(a.id())).withPurpose(reader.purpose())
                .withDetails(Map.of("format", format.name(), "language", language, "version", String.valueOf(a.version()),
                        "contentHash", hash)));
        String filename = a.productType().slug() + "-" + a.id() + "-v" + a.version() + "." + language + "."
                + (format == Format.PDF ? "pdf" : "html");
        return new Printed(bytes, format, language, hash,
                format == Format.HTML ? renderer.htmlContentSecurityPolicy() : null, filename);
    }

    /** Display names of the product's author, approver and organisation (other ids print as ids). */
    private Map<String, String> names(Assessment a) {
        Map<String, String> names = new HashMap<>(colleagues.displayNames(a.organisationId(),
                Stream.of(a.authorUserId(), a.approvedBy()).filter(java.util.Objects::nonNull).toList()));
        organisations.find(a.organisationId()).ifPresent(o -> names.put(o.id(), o.name()));
        return names;
    }
}
