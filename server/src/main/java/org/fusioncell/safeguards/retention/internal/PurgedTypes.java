package org.fusioncell.safeguards.retention.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseErasure;
import org.fusioncell.entities.Entities;
import org.fusioncell.exchange.RfiErasure;
import org.fusioncell.submissions.SubmissionErasure;
import org.fusioncell.intake.Report;
import org.fusioncell.intake.Reports;
import org.fusioncell.monitoring.AlertErasure;
import org.fusioncell.monitoring.incidents.IncidentErasure;
import org.fusioncell.shared.ExpiredItem;
import org.springframework.stereotype.Component;

/**
 * The information types the purge erases item by item, each through its owning module: how to list a page of
 * expired items, how to erase one, and who holds an item (for a legal hold). One table, read by the purge and by
 * the legal holds, so that a type is added in one place.
 */
@Component
class PurgedTypes {

    /** A page of expired items by id after {@code afterId}; {@code cutoff} is today less the type's period. */
    interface Expiry {
        List<ExpiredItem> page(LocalDate today, Instant cutoff, String afterId, int limit);
    }

    interface Erasure {
        boolean erase(Reader holder, String itemId, String reason);
    }

    /** {@code rule}: why an item of the type has expired, for the erasure's reason in the audit log. */
    record Purged(String type, String rule, Expiry expiry, Erasure erasure,
                  Function<String, Optional<String>> holder) {
    }

    private final List<Purged> types;
    private final CaseErasure cases;

    PurgedTypes(Reports reports, Entities entities, IncidentErasure incidents, AlertErasure alerts,
                CaseErasure cases, RfiErasure rfis, SubmissionErasure submissions) {
        this.cases = cases;
        this.types = List.of(
                // each report carries its own retention date (set from the register's period when contributed)
                new Purged(Reports.INFORMATION_TYPE, "its retention date has passed",
                        (today, cutoff, after, n) -> reports.expired(today, after, n)
                        .stream().map(h -> new ExpiredItem(h.reportId(), h.organisationId())).toList(),
                        reports::erase, id -> reports.forProcessing(id).map(Report::originatingOrganisationId)),
                // an entity expires once no report asserts it; one gone meanwhile has no holder and is passed over
                new Purged("entity", "no report asserts it any more and it was recorded longer ago than",
                        (today, cutoff, after, n) -> entities.unasserted(cutoff, after, n).stream()
                        .map(id -> new ExpiredItem(id, holderOfEntity(entities, id).orElse(null))).toList(),
                        entities::erase, id -> holderOfEntity(entities, id)),
                new Purged("incident", "it happened and was recorded longer ago than",
                        (today, cutoff, after, n) -> incidents.expired(cutoff, after, n),
                        incidents::erase, incidents::holder),
                new Purged("alert", "it is actioned or closed and was raised longer ago than",
                        (today, cutoff, after, n) -> alerts.expired(cutoff, after, n),
                        alerts::erase, alerts::holder),
                new Purged("case", "it was closed longer ago than",
                        (today, cutoff, after, n) -> cases.expired(cutoff, after, n),
                        (holder, id, reason) -> cases.erase(holder, id, reason) == CaseErasure.Outcome.ERASED,
                        cases::holder),
                new Purged("request-for-information",
                        "it is finished and nothing changed in it for longer than",
                        (today, cutoff, after, n) -> rfis.expired(cutoff, after, n), rfis::erase, rfis::holder),
                // the sender's sealed identity goes with it; a report made from it keeps its own date
                new Purged("civil-society-submission", "it was triaged to an end and nothing changed in it for longer than",
                        (today, cutoff, after, n) -> submissions.expired(cutoff, after, n), submissions::erase,
                        submissions::holder));
    }

    private static Optional<String> holderOfEntity(Entities entities, String id) {
        return entities.forProcessing(id).map(e -> e.marking().ownerOrganisation());
    }

    List<Purged> all() {
        return types;
    }

    Optional<Purged> type(String type) {
        return types.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** Expired cases kept because they hold evidence: counted for the officer, never erased by the purge. */
    long casesAwaitingDecision(Instant cutoff) {
        return cases.awaitingDecision(cutoff);
    }
}
