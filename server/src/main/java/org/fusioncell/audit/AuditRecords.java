package org.fusioncell.audit;

import java.time.Instant;
import java.util.List;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/** The auditor's read side: records newest first, filtered and paged by the database. */
public interface AuditRecords {

    Page<LoggedAuditRecord> search(AuditQuery query, PageRequest page);

    /**
     * Up to {@code limit} records numbered above {@code afterSeq}, oldest first: for reviews that read the log
     * incrementally from a checkpoint. Reading is not logged here; the caller logs what it discloses.
     */
    List<LoggedAuditRecord> after(long afterSeq, int limit);

    /** How many records each organisation wrote per action in {@code [from, to)}; actions as stored. */
    List<AuditCount> count(Instant from, Instant to);

    /** One group of {@link #count}: an organisation ({@code null} for unauthenticated events) and an action. */
    record AuditCount(String organisationId, String action, long records) {
    }
}
