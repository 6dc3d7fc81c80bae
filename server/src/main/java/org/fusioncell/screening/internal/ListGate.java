package org.fusioncell.screening.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Decision;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.screening.ScreeningAccess;
import org.fusioncell.screening.Watchlists;
import org.fusioncell.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens one list for a reader: the policy decision on the list's marking decides whether they read it,
 * learn only that the owner holds it, or learn nothing; every attempt is audited as consultation.
 * A list's versions and entries are read under the list's marking, through here.
 */
@Component
class ListGate {

    record ListRow(String id, String name, String markingId, String currentVersionId) {
    }

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;

    ListGate(JdbcClient jdbc, Markings markings, AuditLog audit) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
    }

    Optional<ListRow> row(String listId) {
        if (!Ids.isWellFormed(listId)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name, marking_id, current_version_id FROM screening_watchlist WHERE id = :id")
                .param("id", listId)
                .query((rs, n) -> new ListRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Runs {@code read} on the list when the reader may see it; {@code view} names what was read, for the audit. */
    <T> ScreeningAccess<T> open(Reader reader, String listId, String view, Function<ListRow, T> read) {
        Optional<ListRow> row = row(listId);
        if (row.isEmpty()) {
            return new ScreeningAccess.Unknown<>();
        }
        Marking marking = markings.find(row.get().markingId()).orElseThrow();
        Decision decision = AccessPolicy.decide(reader, Watchlists.INFORMATION_TYPE, marking);
        AuditRecord base = AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Watchlists.INFORMATION_TYPE, List.of(listId)).withPurpose(reader.purpose());
        return switch (decision.visibility()) {
            case HIDDEN -> {
                audit.record(base.withOutcome("HIDDEN").withDetails(Map.of("view", view, "reason", decision.reason())));
                yield new ScreeningAccess.Unknown<>();
            }
            case EXISTENCE_ONLY -> {
                audit.record(base.withOutcome("EXISTENCE_ONLY")
                        .withDetails(Map.of("view", view, "reason", decision.reason())));
                yield new ScreeningAccess.KnownToExist<>(marking.ownerOrganisation(), marking);
            }
            case VISIBLE -> {
                T value = read.apply(row.get());
                if (value == null) {
                    yield new ScreeningAccess.Unknown<>(); // e.g. no such version or entry in a visible list
                }
                audit.record(base.withDetails(Map.of("view", view)));
                yield new ScreeningAccess.Granted<>(value);
            }
        };
    }
}
