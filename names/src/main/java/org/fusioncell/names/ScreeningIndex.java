package org.fusioncell.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name of every listed subject, ready to screen against. A query's name parts look up
 * candidates by their consonant skeletons (and the skeletons with one consonant dropped, so a slip
 * in one letter still finds the name); the few most promising names are then compared in full by the
 * {@link NameMatcher}, weighted by how common each part is in these lists, and the subject's other
 * particulars adjust the score ({@link SubjectComparison}). Immutable and safe to share between threads.
 */
public final class ScreeningIndex {

    /**
     * The score from which a screening raises an alert. Higher than the name-pair threshold
     * ({@link NameMatcher#DEFAULT_THRESHOLD}): an alert stands on the whole subject — the name and its
     * date of birth, nationality and documents — and a border officer must not drown in false alarms
     * (measured on the UN list against 30,000 synthetic travellers: docs/benchmarks.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.80;

    /** Names taken from the skeleton lookup per query name, then ordered by a rough coverage. */
    private static final int SHORTLIST = 160;
    /** Of those, the names compared in full. */
    private static final int COMPARED = 20;
    /** Names kept after the lookup: at least this share of the best lookup weight. */
    private static final double SHORTLIST_SHARE = 0.34;

    private final List<Subject> subjects;
    private final int[] entrySubject;
    private final String[] entryName;
    private final ParsedName[] entryParsed;
    private final NameMatcher.Prepared[] entryPrepared;
    private final int[] entryLength;
    private final Map<String, int[]> postings;
    private final NameMatcher matcher;
    private final ThreadLocal<PartSimilarities> similarities;

    private ScreeningIndex(List<Subject> subjects) {
        this.subjects = List.copyOf(subjects);
        List<Integer> owners = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ParsedName> parsed = new ArrayList<>();
        for (int s = 0; s < this.subjects.size(); s++) {
            for (String name : new HashSet<>(this.subjects.get(s).names())) {
                ParsedName p = NameParser.parse(name);
                if (p.isEmpty()) {
                    continue;
                }
                owners.add(s);
                names.add(name);
                parsed.add(p);
            }
        }
        int n = names.size();
        entrySubject = owners.stream().mapToInt(Integer::intValue).toArray();
        entryName = names.toArray(String[]::new);
        entryParsed = parsed.toArray(ParsedName[]::new);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int e = 0; e < n; e++) {
            Set<String> seen = new HashSet<>();
            for (NameToken t : entryParsed[e].tokens()) {
                if (t.role() == NameToken.Role.NAME && !t.skeleton().isEmpty() && seen.add(t.skeleton())) {
                    counts.merge(t.skeleton(), 1, Integer::sum);
                }
            }
            Set<String> keys = new HashSet<>();
            for (NameToken t : entryParsed[e].tokens()) {
                keys.addAll(keys(t));
            }
            for (String k : keys) {
                lists.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            }
        }
        Map<String, int[]> post = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> post.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        postings = post;
        matcher = new NameMatcher(Commonness.fromCounts(counts, Math.max(n, 1)));
        Map<String, NameMatcher.Part> parts = new HashMap<>();
        entryPrepared = new NameMatcher.Prepared[n];
        for (int e = 0; e < n; e++) {
            entryPrepared[e] = matcher.prepare(entryParsed[e], parts);
        }
        entryLength = new int[n];
        for (int e = 0; e < n; e++) {
            entryLength[e] = entryParsed[e].tokens().size();
        }
        int partCount = parts.size();
        similarities = ThreadLocal.withInitial(() -> new PartSimilarities(partCount));
    }

    public static ScreeningIndex of(Collection<Subject> subjects) {
        return new ScreeningIndex(List.copyOf(subjects));
    }

    public int subjectCount() {
        return subjects.size();
    }

    public int nameCount() {
        return entryName.length;
    }

    /** The matcher this index scores with (its commonness weights come from these lists). */
    public NameMatcher matcher() {
        return matcher;
    }

    /**
     * The lookup keys of a name part, strongest first: its consonants as spelled, its skeleton (close
     * sounds merged), and the skeleton whole and with each consonant dropped in turn under a "~" (so a
     * skeleton one consonant longer, shorter or different still meets: the symmetric-deletion lookup).
     */
    static List<String> keys(NameToken t) {
        if (t.role() != NameToken.Role.NAME) {
            return List.of();
        }
        String s = t.skeleton();
        String fine = "=" + Sounds.consonants(t.sounds());
        if (s.isEmpty()) {
            return List.of(fine);
        }
        List<String> keys = new ArrayList<>(s.length() + 3);
        keys.add(fine);
        keys.add(s);
        keys.add("~" + s);
        if (s.length() >= 3) {
            for (int i = 0; i < s.length(); i++) {
                keys.add("~" + s.substring(0, i) + s.substring(i + 1));
            }
        }
        return keys;
    }

    /**
     * Subjects whose names score at least {@code threshold} against any of the query's names, best first,
     * one candidate per subject, at most {@code limit}.
     */
    public List<Candidate> screen(Subject query, double threshold, int limit) {
        Map<Integer, Candidate> best = new HashMap<>();
        for (String name : query.names()) {
            ParsedName q = NameParser.parse(name);
            if (q.isEmpty()) {
                continue;
            }
            NameMatcher.Prepared prepared = matcher.prepare(q);
            PartSimilarities cache = similarities.get();
            cache.startQuery(prepared.units.length);
            for (int e : closest(prepared, shortlist(q), cache)) {
                NameScore ns = matcher.compare(prepared, entryPrepared[e], cache);
                if (ns.score() + maxLift() < threshold) {
                    continue;
                }
                Subject listed = subjects.get(entrySubject[e]);
                List<Candidate.Factor> factors = SubjectComparison.factors(query, listed);
                double score = ns.score();
                for (Candidate.Factor f : factors) {
                    score += f.effect();
                }
                score = Math.max(0, Math.min(1, score));
                if (score < threshold) {
                    continue;
                }
                Candidate c = new Candidate(listed, entryName[e], name, score, ns, factors);
                best.merge(entrySubject[e], c, (x, y) -> y.score() > x.score() ? y : x);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(c -> c.listed().id()))
                .limit(limit)
                .toList();
    }

    /** The {@link #COMPARED} shortlisted names that cover most of the query, part by part. */
    private int[] closest(NameMatcher.Prepared query, int[] shortlisted, PartSimilarities cache) {
        if (shortlisted.length <= COMPARED) {
            return shortlisted;
        }
        double[] rough = new double[shortlisted.length];
        Integer[] order = new Integer[shortlisted.length];
        for (int i = 0; i < shortlisted.length; i++) {
            rough[i] = NameMatcher.roughCoverage(query, entryPrepared[shortlisted[i]], cache);
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(rough[y], rough[x]));
        int[] out = new int[COMPARED];
        for (int i = 0; i < COMPARED; i++) {
            out[i] = shortlisted[order[i]];
        }
        return out;
    }

    private static double maxLift() {
        return SubjectComparison.SAME_DOCUMENT + SubjectComparison.SAME_DAY + SubjectComparison.SAME_NATIONALITY;
    }

    /** The names sharing the most (weighted) parts with the query, by skeleton lookup. */
    private int[] shortlist(ParsedName query) {
        float[] weight = new float[entryName.length];
        int[] seen = new int[entryName.length];
        int stamp = 0;
        int[] touched = new int[64];
        int touchedCount = 0;
        for (NameToken t : query.tokens()) {
            List<String> keys = keys(t);
            if (keys.isEmpty()) {
                continue;
            }
            float w = matcher.weight(t);
            stamp++;
            // each listed name counts a query part once, by the strongest key it shares
            for (int k = 0; k < keys.size(); k++) {
                int[] list = postings.get(keys.get(k));
                if (list == null) {
                    continue;
                }
                float kw = k == 0 ? w : k == 1 ? w * 0.7f : w * 0.5f;
                for (int e : list) {
                    if (seen[e] != stamp) {
                        seen[e] = stamp;
                        if (weight[e] == 0) {
                            if (touchedCount == touched.length) {
                                touched = Arrays.copyOf(touched, touchedCount * 2);
                            }
                            touched[touchedCount++] = e;
                        }
                        weight[e] += kw;
                    }
                }
            }
        }
        if (touchedCount == 0) {
            return new int[0];
        }
        // the SHORTLIST heaviest, by a bounded selection rather than sorting every name touched
        int[] top = new int[Math.min(SHORTLIST, touchedCount)];
        int size = 0;
        for (int i = 0; i < touchedCount; i++) {
            int e = touched[i];
            if (size < top.length) {
                top[size++] = e;
                siftUp(top, size - 1, weight);
            } else if (heavier(e, top[0], weight)) {
                top[0] = e;
                siftDown(top, size, weight);
            }
        }
        int[] order = Arrays.copyOf(top, size);
        float max = 0;
        for (int e : order) {
            max = Math.max(max, weight[e]);
        }
        float floor = (float) (max * SHORTLIST_SHARE);
        return Arrays.stream(order).filter(e -> weight[e] >= floor).toArray();
    }

    /** Heavier lookup weight first; among equals, the shorter listed name (the query covers more of it). */
    private boolean heavier(int x, int y, float[] w) {
        return w[x] != w[y] ? w[x] > w[y] : entryLength[x] < entryLength[y];
    }

    /** A min-heap on {@link #heavier}: the root is the lightest kept. */
    private void siftUp(int[] heap, int i, float[] w) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!heavier(heap[parent], heap[i], w)) {
                return;
            }
            int t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private void siftDown(int[] heap, int size, float[] w) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int least = i;
            if (l < size && heavier(heap[least], heap[l], w)) {
                least = l;
            }
            if (r < size && heavier(heap[least], heap[r], w)) {
                least = r;
            }
            if (least == i) {
                return;
            }
            int t = heap[least];
            heap[least] = heap[i];
            heap[i] = t;
            i = least;
        }
    }
}
