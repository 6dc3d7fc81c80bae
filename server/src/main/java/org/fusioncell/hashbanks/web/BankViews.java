package org.fusioncell.hashbanks.web;

import java.time.Instant;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.hashbanks.Bank;
import org.fusioncell.hashbanks.BankEntry;
import org.fusioncell.hashbanks.HashBanks;
import org.fusioncell.hashbanks.MatchResult;

/** What the API and the pages show of banks, entries and matches. */
final class BankViews {

    private BankViews() {
    }

    record BankView(String id, String name, String description, String ownerOrganisationId, MarkingView marking,
                    List<String> sharedUnder, String createdBy, Instant createdAt, Instant updatedAt,
                    long liveEntries, long deletedEntries) {
    }

    record EntryView(String id, String bankId, String algorithm, String hash, String label, Integer quality,
                     String sourceNote, String addedBy, Instant addedAt, boolean deleted, String changedBy,
                     Instant changedAt) {
    }

    record AddedView(EntryView entry, String outcome) {
    }

    record MatchView(String bankId, String bankName, EntryView entry, int distance) {
    }

    record MatchResultView(List<MatchResult.Query> queries, List<MatchView> matches, int total, boolean truncated,
                           int radius, int minQuality, String pdqSkipped) {
    }

    /** One row of a JSON export: the fields hash lists carry. */
    record ListRow(String hash, String algorithm, String label, boolean deleted) {
    }

    record ListExport(String bankId, String bankName, String marking, Instant exportedAt, List<ListRow> entries) {
    }

    static BankView of(Bank b, ClassificationScheme scheme) {
        MarkingView m = MarkingView.of(b.marking(), scheme);
        return new BankView(b.id(), b.name(), b.description(), b.ownerOrganisationId(), m,
                List.copyOf(m.releasability().agreements()), b.createdBy(), b.createdAt(), b.updatedAt(),
                b.liveEntries(), b.deletedEntries());
    }

    static EntryView of(BankEntry e) {
        return new EntryView(e.id(), e.bankId(), e.algorithm().listName(), e.hash(), e.label(), e.quality(),
                e.sourceNote(), e.addedBy(), e.addedAt(), e.deleted(), e.changedBy(), e.changedAt());
    }

    static AddedView of(HashBanks.AddedEntry a) {
        return new AddedView(of(a.entry()), a.outcome());
    }

    static MatchResultView of(MatchResult r) {
        return new MatchResultView(r.queries(), r.matches().stream().map(m -> new MatchView(m.bankId(), m.bankName(),
                of(m.entry()), m.distance())).toList(), r.matches().size(), r.truncated(), r.radius(), r.minQuality(),
                r.pdqSkipped());
    }

    static ListExport export(HashBanks.Export x, ClassificationScheme scheme, Instant now) {
        return new ListExport(x.bank().id(), x.bank().name(), MarkingView.of(x.bank().marking(), scheme).banner(), now,
                x.entries().stream().map(e -> new ListRow(e.hash(), e.algorithm().listName(), e.label(), e.deleted()))
                        .toList());
    }
}
