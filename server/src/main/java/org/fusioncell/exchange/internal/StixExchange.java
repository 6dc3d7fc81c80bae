package org.fusioncell.exchange.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.exchange.StixBundles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link StixBundles}: exports audited as EXPORT (ids of every item in the bundle), imports as COLLECTION. */
@Service
class StixExchange implements StixBundles {

    private final StixExport export;
    private final StixImport importer;
    private final AuditLog audit;

    private final org.fusioncell.assessment.Assessments assessments;

    StixExchange(StixExport export, StixImport importer, AuditLog audit,
                 org.fusioncell.assessment.Assessments assessments) {
        this.assessments = assessments;
        this.export = export;
        this.importer = importer;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Map<String, Object> export(Reader reader, Filter filter) {
        StixExport.Built built = export.build(reader, filter);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", "STIX 2.1");
        details.put("bundle", (String) built.bundle().get("id"));
        details.put("objects", String.valueOf(((List<?>) built.bundle().get("objects")).size()));
        if (filter.since() != null) {
            details.put("since", filter.since().toString());
        }
        if (!filter.reportIds().isEmpty()) {
            details.put("reports", String.valueOf(filter.reportIds().size()));
        }
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(), "stix-bundle",
                built.itemIds()).withPurpose(reader.purpose()).withDetails(details));
        return built.bundle();
    }

    @Override
    @Transactional
    public java.util.Optional<Map<String, Object>> exportAssessment(Reader reader, String assessmentId) {
        if (!(assessments.open(reader, assessmentId) instanceof org.fusioncell.assessment.AssessmentAccess.Opened opened)) {
            return java.util.Optional.empty();
        }
        StixExport.Built built = export.assessment(reader, opened.assessment());
        audit.record(AuditRecord.of(AuditAction.EXPORT, reader.userId(), reader.organisationId(), "stix-bundle",
                built.itemIds()).withPurpose(reader.purpose()).withDetails(Map.of("format", "STIX 2.1",
                "bundle", (String) built.bundle().get("id"), "assessment", assessmentId)));
        return java.util.Optional.of(built.bundle());
    }

    @Override
    public Imported importBundle(Reader reader, byte[] bundle) {
        return importer.run(reader, bundle);
    }
}
