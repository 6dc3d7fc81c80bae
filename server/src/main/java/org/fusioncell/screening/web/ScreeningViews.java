package org.fusioncell.screening.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.names.BirthDate;
import org.fusioncell.screening.Explanation;
import org.fusioncell.screening.Hit;
import org.fusioncell.screening.HitDetail;
import org.fusioncell.screening.HitFacts;
import org.fusioncell.screening.ListedEntry;
import org.fusioncell.screening.ScreenedSubject;
import org.fusioncell.screening.ScreeningRun;
import org.fusioncell.screening.SubjectDocument;
import org.fusioncell.screening.WatchlistEntry;
import org.fusioncell.screening.WatchlistSummary;
import org.fusioncell.screening.WatchlistVersion;

/** The screening module's JSON: dates of birth as written ("1975", "1960..1962"), markings with their banner. */
final class ScreeningViews {

    private ScreeningViews() {
    }

    record ListView(String id, String name, MarkingView marking, WatchlistVersion current) {
        static ListView of(WatchlistSummary s, ClassificationScheme scheme) {
            return new ListView(s.id(), s.name(), MarkingView.of(s.marking(), scheme), s.current());
        }
    }

    record EntryView(String reference, String kind, String listingReference, List<WatchlistEntry.ListedName> names,
                     List<String> birthDates, List<String> nationalities, String gender,
                     List<WatchlistEntry.IdentityDocument> documents, List<String> programmes, LocalDate listedOn,
                     String reason) {
        static EntryView of(WatchlistEntry e) {
            return new EntryView(e.reference(), e.kind().name(), e.listingReference(), e.names(),
                    e.birthDates().stream().map(BirthDate::toString).toList(), e.nationalities(), e.gender().name(),
                    e.documents(), e.programmes(), e.listedOn(), e.reason());
        }
    }

    record ListedEntryView(String listId, String listName, String entryId, boolean active, EntryView entry,
                           List<ListedEntry.Revision> history) {
        static ListedEntryView of(ListedEntry e) {
            return new ListedEntryView(e.listId(), e.listName(), e.entryId(), e.active(), EntryView.of(e.entry()),
                    e.history());
        }
    }

    record SubjectView(String id, String runId, int ordinal, List<String> names, String dateOfBirth,
                       Set<String> nationalities, String gender, List<SubjectDocument> documents, Instant screenedAt,
                       int hits) {
        static SubjectView of(ScreenedSubject s) {
            return new SubjectView(s.id(), s.runId(), s.ordinal(), s.names(),
                    s.birthDate() == null ? null : s.birthDate().toString(), s.nationalities(), s.gender().name(),
                    s.documents(), s.screenedAt(), s.hits());
        }
    }

    record RunView(String id, String kind, String sourceName, double threshold, int subjects, int hits,
                   int openHits, MarkingView marking, String organisationId, String createdBy, Instant createdAt,
                   ScreeningRun.FlightFacts flight) {
        static RunView of(ScreeningRun r, ClassificationScheme scheme) {
            return new RunView(r.id(), r.kind().name(), r.sourceName(), r.threshold(), r.subjects(), r.hits(),
                    r.pendingHits(), MarkingView.of(r.marking(), scheme), r.organisationId(), r.createdBy(),
                    r.createdAt(), r.flight());
        }
    }

    record ListRef(String id, String name, int version) {
    }

    /** A confirmation waiting for more reviewers. */
    record ProposalView(List<String> proposedBy, Instant proposedAt, String reason) {
        static ProposalView of(Hit.Proposal p) {
            return p == null ? null : new ProposalView(p.proposedBy(), p.proposedAt(), p.reason());
        }
    }

    /** The decision that ended or moved the review: who (several for a confirmed match), when, why. */
    record DecisionView(List<String> by, Instant at, String reason, boolean remembered) {
    }

    record HitView(String id, String state, double score, String matchedName, String queryName, ListRef list,
                   String entryReference, String entryId, String runId, String subjectId, String origin,
                   Instant createdAt, MarkingView marking, String organisationId, ProposalView proposal,
                   DecisionView decision) {
        static HitView of(Hit hit, ClassificationScheme scheme) {
            HitFacts f = hit.facts();
            ProposalView proposal = switch (hit) {
                case Hit.PendingHit p -> ProposalView.of(p.proposal());
                case Hit.EscalatedHit e -> ProposalView.of(e.proposal());
                default -> null;
            };
            DecisionView decision = switch (hit) {
                case Hit.PendingHit p -> null;
                case Hit.ConfirmedMatch c -> new DecisionView(c.confirmedBy(), c.confirmedAt(), c.reason(), false);
                case Hit.DismissedMatch d -> new DecisionView(d.dismissedBy() == null ? List.of() : List.of(d.dismissedBy()),
                        d.dismissedAt(), d.reason(), d.remembered());
                case Hit.EscalatedHit e -> new DecisionView(List.of(e.escalatedBy()), e.escalatedAt(), e.reason(), false);
            };
            return new HitView(f.id(), hit.state().name(), f.score(), f.matchedName(), f.queryName(),
                    new ListRef(f.listId(), f.listName(), f.listVersion()), f.entryReference(), f.entryId(), f.runId(),
                    f.subjectId(), f.origin().name(), f.createdAt(), MarkingView.of(f.marking(), scheme),
                    f.organisationId(), proposal, decision);
        }
    }

    /** Side by side: the screened person, the listed entry as found, the explanation, the review so far. */
    record HitDetailView(String id, HitView hit, SubjectView subject, EntryView entry, boolean entryCurrent,
                         Explanation explanation, List<HitDetail.ReviewStep> reviews) {
        static HitDetailView of(HitDetail d, ClassificationScheme scheme) {
            return new HitDetailView(d.hit().facts().id(), HitView.of(d.hit(), scheme), SubjectView.of(d.subject()),
                    EntryView.of(d.entry()), d.entryCurrent(), d.explanation(), d.reviews());
        }
    }
}
