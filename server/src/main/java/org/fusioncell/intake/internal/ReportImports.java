package org.fusioncell.intake.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.Reports;
import org.fusioncell.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pass 2 of an import: every checked draft contributed in one transaction, so a refusal by the
 * store halfway undoes the reports, their markings and their audit records alike. Each report is
 * audited as a collection by {@link Reports#contribute}; the import adds one summary record.
 */
@Service
public class ReportImports {

    public static final String OBJECT_TYPE = "report-import";

    /** A checked row: its draft and the line it came from, to name the line if the store refuses it. */
    public record Checked(long line, ReportDraft draft) {
    }

    public record Imported(String importId, List<String> reportIds) {
    }

    /** The store refused the report of {@code line}; nothing of the import was kept. */
    public static final class Refused extends RuntimeException {

        private final long line;

        Refused(long line, RuntimeException cause) {
            super("the store refused the report of line " + line, cause);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final Reports reports;
    private final AuditLog audit;

    ReportImports(Reports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @Transactional
    public Imported write(Reader author, List<Checked> rows, ReportImportMapping.Format format) {
        String importId = Ids.newId();
        List<String> ids = new ArrayList<>(rows.size());
        for (Checked row : rows) {
            try {
                ids.add(reports.contribute(author, row.draft()).id());
            } catch (RuntimeException e) {
                throw new Refused(row.line(), e);
            }
        }
        audit.record(AuditRecord.of(AuditAction.COLLECTION, author.userId(), author.organisationId(), OBJECT_TYPE,
                        List.of(importId)).withPurpose(author.purpose())
                .withDetails(Map.of("format", format.name(), "reports", String.valueOf(ids.size()))));
        return new Imported(importId, List.copyOf(ids));
    }
}
