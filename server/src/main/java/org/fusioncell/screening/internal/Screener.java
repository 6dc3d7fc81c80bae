package org.fusioncell.screening.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.fusioncell.names.Candidate;
import org.fusioncell.names.NameScore;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.CandidateMatch;
import org.fusioncell.screening.Explanation;
import org.fusioncell.screening.internal.ListIndexes.Indexed;
import org.fusioncell.screening.internal.ListIndexes.ListIndex;

/** Asks each given list's index for candidates and merges them, best first. Plain Java. */
final class Screener {

    /** A candidate with the list and entry it comes from. */
    record Found(ListIndex list, Indexed entry, Candidate candidate) {
    }

    private Screener() {
    }

    static List<Found> screen(Collection<ListIndex> lists, Subject subject, double threshold, int limit) {
        List<Found> found = new ArrayList<>();
        for (ListIndex list : lists) {
            for (Candidate c : list.index().screen(subject, threshold, limit)) {
                Indexed entry = list.entries().get(c.listed().id());
                if (entry != null) {
                    found.add(new Found(list, entry, c));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingDouble((Found f) -> f.candidate().score()).reversed()
                        .thenComparing(f -> f.list().listName()).thenComparing(f -> f.entry().reference()))
                .limit(limit)
                .toList();
    }

    static CandidateMatch match(Found f) {
        Candidate c = f.candidate();
        return new CandidateMatch(f.list().listId(), f.list().listName(), f.list().version(), f.entry().entryId(),
                f.entry().reference(), f.entry().listingReference(), f.entry().primaryName(), c.matchedName(),
                c.queryName(), round(c.score()), explanation(c));
    }

    /** The engine compares the query's name (first) with the listed name (second). */
    static Explanation explanation(Candidate c) {
        NameScore n = c.name();
        return new Explanation(round(n.score()),
                n.pairs().stream().map(p -> new Explanation.PartMatch(p.a(), p.b(), round(p.similarity()), p.how().name()))
                        .toList(),
                n.unmatchedA(), n.unmatchedB(),
                c.factors().stream().map(f -> new Explanation.Factor(f.what(), round(f.effect()))).toList(),
                c.explain());
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
