package org.fusioncell.entities.internal;

import java.util.List;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.Organisations;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.ReportContributed;
import org.fusioncell.intake.Reports;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Proposes identifiers as soon as a report is contributed. The scan reads the report as a processing
 * reader of the originating organisation; a report that reader may not open (TLP:RED, a caveat) is
 * scanned instead the first time an analyst who may see it asks for its proposals.
 */
@Component
class ExtractionOnIntake {

    /** The audit log's actor for automatic extraction: not a user, and no user can hold this id. */
    static final String PROCESSING_ACTOR = "processing:entity-extraction";

    private final Reports reports;
    private final Organisations organisations;
    private final ClassificationScheme scheme;
    private final JdbcReportEntities reportEntities;

    ExtractionOnIntake(Reports reports, Organisations organisations, ClassificationScheme scheme,
                       JdbcReportEntities reportEntities) {
        this.reports = reports;
        this.organisations = organisations;
        this.scheme = scheme;
        this.reportEntities = reportEntities;
    }

    @ApplicationModuleListener
    void on(ReportContributed event) {
        organisations.find(event.originatingOrganisationId()).ifPresent(org -> {
            Reader processing = new Reader(PROCESSING_ACTOR, org.id(), org.type(), scheme.levels().size() - 1, Set.of(),
                    List.of(), "identifier extraction");
            if (reports.open(processing, event.reportId(), "automatic identifier extraction")
                    instanceof ReportAccess.Opened opened) {
                reportEntities.extractOnce(opened.report());
            }
        });
    }
}
