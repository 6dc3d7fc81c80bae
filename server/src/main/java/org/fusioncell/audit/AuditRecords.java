package org.fusioncell.audit;

import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/** The auditor's read side: records newest first, filtered and paged by the database. */
public interface AuditRecords {

    Page<LoggedAuditRecord> search(AuditQuery query, PageRequest page);
}
