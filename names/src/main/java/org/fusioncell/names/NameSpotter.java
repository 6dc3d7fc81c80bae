package org.fusioncell.names;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watched person names, spotted in free text and in single names, with the engine's parsing, lookup
 * keys and {@link NameMatcher} scoring (built-in commonness: a live watch set has no stable frequencies
 * of its own). Each distinct part of a watched name is filed under its {@link ScreeningIndex#keys}; a
 * word of a text reaches a watched name only through a part it really pairs with (similarity of at
 * least {@link #VERIFY_FLOOR}), and only runs of words — between punctuation, line breaks and function
 * words — that meet two parts and most of the weight of one watched name are compared in full. A
 * report of 300 words against 10,000 watched names costs a few hundred lookups (words already seen are
 * remembered per thread) and a few dozen comparisons.
 *
 * <p>A spot needs most of the watched name to be there: {@link #MIN_WATCHED_SHARE} of its weight, and
 * two of its name parts when it has two. The engine scores a short name against a longer one by the
 * shorter side, so "Abu Bakr" alone would pass for "Abu Bakr al-Baghdadi", and a surname alone for the
 * whole name; in reports of hundreds of words, and for entity labels, that is a false alarm.
 *
 * <p>Thread-safe: reads run concurrently with {@link #put} and {@link #remove} (writes are serialised;
 * a read sees each watched name either wholly or not at all).
 */
public final class NameSpotter {

    /** The default spot threshold: the engine's screening default. */
    public static final double DEFAULT_THRESHOLD = ScreeningIndex.DEFAULT_THRESHOLD;

    /** The share of a watched name's weight (its parts, weighted by commonness) a spot must contain. */
    static final double MIN_WATCHED_SHARE = 0.6;
    /** Parts may pair without meeting in the lookup (two consonants apart): the lookup allows that much. */
    private static final double LOOKUP_SLACK = 0.1;
    /**
     * A word counts as meeting a watched part from this similarity: parts paired less closely than this
     * (the matcher pairs from {@link NameMatcher#PAIRING_FLOOR}) hardly ever carry a name to a spot.
     */
    static final double VERIFY_FLOOR = 0.7;
    private static final int WORD_CACHE = 20_000;
    /** How far below the threshold a window may score and still be tried one word wider. */
    private static final double NEAR_MISS = 0.1;

    /** One spot: a watched name found as {@code found} at [start, end) of the text (-1 for a single name). */
    public record Spot(String watchId, String found, int start, int end, double score, String explanation) {
    }

    /** A word as the lookup sees it: the watched parts it pairs with; is it only particles (abu, bin, abd, al-)? */
    private record Reading(int[] parts, boolean particlesOnly) {
    }

    private record Window(int start, int end) {
    }

    /** What one thread learnt about words, valid while no new watched part has been numbered. */
    private static final class Words {
        final Map<String, Reading> readings = new HashMap<>();
        int partCount = -1;
    }

    private final double threshold;
    private final NameMatcher matcher = new NameMatcher();
    private final WatchedNames names = new WatchedNames(matcher);
    private final ThreadLocal<WatchHits> hits = ThreadLocal.withInitial(WatchHits::new);
    private final ThreadLocal<Words> words = ThreadLocal.withInitial(Words::new);

    public NameSpotter() {
        this(DEFAULT_THRESHOLD);
    }

    public NameSpotter(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Watches a name (any script), replacing what {@code watchId} watched before.
     *
     * @throws IllegalArgumentException when the text cannot be a name or has no name part to look for
     */
    public void put(String watchId, String name) {
        if (watchId == null || name == null) {
            throw new IllegalArgumentException("a watch needs an id and a name");
        }
        String refusal = NameParser.refusal(name).orElse(null);
        if (refusal != null) {
            throw new IllegalArgumentException("the watched name " + refusal);
        }
        names.put(watchId, NameParser.parse(name));
    }

    public void remove(String watchId) {
        names.remove(watchId);
    }

    public int size() {
        return names.size();
    }

    /**
     * Whether these parts (bits) may make a spot: enough of the watched name's weight (particles count as
     * present, with a little slack for parts that pair without meeting in the lookup) and two name parts when it
     * has two or more.
     */
    private static boolean promising(WatchedNames.Watched w, long parts) {
        if (Long.bitCount(parts & w.nameParts()) < Math.min(2, Long.bitCount(w.nameParts()))) {
            return false;
        }
        double covered = w.particleWeight();
        float[] weight = w.partWeight();
        for (int i = 0; i < weight.length; i++) {
            if ((parts & 1L << i) != 0) {
                covered += weight[i];
            }
        }
        double total = w.prepared().total;
        return total > 0 && covered / total >= MIN_WATCHED_SHARE - LOOKUP_SLACK;
    }

    /** One person name against every watched name: the best spot per watch, best first. */
    public List<Spot> compare(String name) {
        if (name == null || name.length() > NameParser.MAX_LENGTH || NameParser.refusal(name).isPresent()) {
            return List.of();
        }
        ParsedName parsed = NameParser.parse(name);
        if (parsed.isEmpty()) {
            return List.of();
        }
        WatchedNames.Watched[] array = names.watched();
        WatchHits h = hits.get();
        h.start(array.length);
        for (NameToken t : parsed.tokens()) {
            for (int part : names.meets(t, VERIFY_FLOOR)) {
                names.hit(part, 0, h);
            }
        }
        NameMatcher.Prepared query = matcher.prepare(parsed);
        Map<String, Spot> best = new HashMap<>();
        for (int i = 0; i < h.touchedCount(); i++) {
            int slot = h.touched(i);
            WatchedNames.Watched w = slot < array.length ? array[slot] : null;
            if (w != null && promising(w, h.parts(slot))) {
                score(query, w, name, -1, -1, best);
            }
        }
        return sorted(best);
    }

    /** Scores a reading against a watched name, keeping it when it is a spot: the score, negated when it is not. */
    private double score(NameMatcher.Prepared query, WatchedNames.Watched w, String found, int start, int end,
                         Map<String, Spot> best) {
        NameScore s = matcher.compare(query, w.prepared(), null);
        if (s.score() < threshold || !enoughOfTheWatchedName(w, s)) {
            return -s.score();
        }
        Spot spot = new Spot(w.id(), found, start, end, s.score(), s.explain());
        best.merge(w.id(), spot, (a, b) -> b.score() > a.score() ? b : a);
        return s.score();
    }

    /**
     * Whether the spot holds most of the watched name: {@link #MIN_WATCHED_SHARE} of its weight paired
     * with something, and two of its name parts when it has two or more (a "Robert" alone is no spot
     * of "Howden Robert", however rare the surname).
     */
    private static boolean enoughOfTheWatchedName(WatchedNames.Watched w, NameScore s) {
        int parts = 0;
        double missing = 0;
        List<NameToken> tokens = w.prepared().tokens;
        for (NameToken t : tokens) {
            if (t.role() == NameToken.Role.NAME) {
                parts++;
            }
        }
        if (parts - s.unmatchedB().size() < Math.min(2, parts)) {
            return false;
        }
        boolean[] counted = new boolean[tokens.size()];
        for (String text : s.unmatchedB()) {
            for (int i = 0; i < tokens.size(); i++) {
                if (!counted[i] && tokens.get(i).role() == NameToken.Role.NAME && tokens.get(i).text().equals(text)) {
                    counted[i] = true;
                    missing += w.prepared().weights[i];
                    break;
                }
            }
        }
        double total = w.prepared().total;
        return total > 0 && 1 - missing / total >= MIN_WATCHED_SHARE;
    }

    private static List<Spot> sorted(Map<String, Spot> best) {
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Spot::score).reversed().thenComparing(Spot::watchId))
                .toList();
    }

    /**
     * Every watched name scored against one name, without the lookup: what {@link #compare} would find if
     * the lookup missed nothing (for measuring the lookup).
     */
    List<Spot> compareWithoutLookup(String name) {
        NameMatcher.Prepared query = matcher.prepare(NameParser.parse(name));
        Map<String, Spot> best = new HashMap<>();
        for (WatchedNames.Watched w : names.watched()) {
            if (w != null) {
                score(query, w, name, -1, -1, best);
            }
        }
        return sorted(best);
    }

    /**
     * Watched names occurring in a free text (title and body, any of Arabic, French, English): the best
     * spot per watch, best first, with its char offsets in {@code text}.
     */
    public List<Spot> findIn(String text) {
        if (text == null || text.isEmpty() || names.size() == 0) {
            return List.of();
        }
        TextWords words = TextWords.of(text);
        WatchedNames.Watched[] array = names.watched();
        WatchHits h = hits.get();
        h.start(array.length);
        Words known = this.words.get();
        int partCount = names.partCount();
        if (known.partCount != partCount || known.readings.size() >= WORD_CACHE) {
            known.readings.clear();
            known.partCount = partCount;
        }
        Reading[] read = new Reading[words.count];
        for (int i = 0; i < words.count; i++) {
            read[i] = reading(words.word(i), known);
            for (int part : read[i].parts) {
                names.hit(part, i, h);
            }
            if (words.prefix[i] > 0) {
                Reading bare = reading(words.bareWord(i), known);
                for (int part : bare.parts) {
                    names.hit(part, i, h);
                }
                if (bare.particlesOnly) {
                    // وأبو: a particle behind a conjunction still opens a name
                    read[i] = new Reading(read[i].parts, true);
                }
            }
        }
        Map<String, Spot> best = new HashMap<>();
        Map<Window, NameMatcher.Prepared> windows = new HashMap<>();
        int[] hitWords = new int[words.count];
        long[] hitParts = new long[words.count];
        for (int t = 0; t < h.touchedCount(); t++) {
            int slot = h.touched(t);
            WatchedNames.Watched w = slot < array.length ? array[slot] : null;
            if (w == null || !promising(w, h.parts(slot))) {
                continue;
            }
            int n = h.hits(slot, hitWords, hitParts);
            for (int a = 0; a < n; a++) {
                if (a > 0 && words.segment[hitWords[a - 1]] == words.segment[hitWords[a]]
                        && (hitParts[a] & ~hitParts[a - 1]) == 0 && hitWords[a] - hitWords[a - 1] == 1) {
                    // a window opening on a word that adds nothing to its neighbour's parts is no better
                    continue;
                }
                long parts = 0;
                for (int b = a; b < n; b++) {
                    if (words.segment[hitWords[b]] != words.segment[hitWords[a]]
                            || hitWords[b] - hitWords[a] + 1 > w.maxWords()) {
                        break;
                    }
                    long before = parts;
                    parts |= hitParts[b];
                    // a longer window is worth scoring only when its last word brings parts of its own
                    if (parts != before && promising(w, parts)) {
                        scoreWindow(words, read, hitWords[a], hitWords[b], w, windows, best);
                    }
                }
            }
        }
        return sorted(best);
    }

    /** Scores the words first..last, widened over the particles just before them, read with and without a prefix. */
    private void scoreWindow(TextWords words, Reading[] read, int first, int last, WatchedNames.Watched w,
                             Map<Window, NameMatcher.Prepared> windows, Map<String, Spot> best) {
        int from = first;
        while (from > 0 && first - from < 2 && words.segment[from - 1] == words.segment[first]
                && read[from - 1].particlesOnly) {
            from--;
        }
        double got = scoreWords(words, from, last, w, windows, best);
        // a near miss may lack a part that pairs without meeting in the lookup (Clijsters / كليسترز): one word more
        if (got < 0 && -got >= threshold - NEAR_MISS) {
            if (last + 1 < words.count && words.segment[last + 1] == words.segment[last]) {
                scoreWords(words, from, last + 1, w, windows, best);
            }
            if (from > 0 && words.segment[from - 1] == words.segment[from]) {
                scoreWords(words, from - 1, last, w, windows, best);
            }
        }
    }

    /** Scores words from..last, with and without the first word's prefix: the better score (see {@link #score}). */
    private double scoreWords(TextWords words, int from, int last, WatchedNames.Watched w,
                              Map<Window, NameMatcher.Prepared> windows, Map<String, Spot> best) {
        int end = words.end[last];
        double got = Double.NaN;
        for (int bare = 0; bare <= (words.prefix[from] > 0 ? 1 : 0); bare++) {
            int start = words.start[from] + (bare == 1 ? words.prefix[from] : 0);
            Window key = new Window(start, end);
            NameMatcher.Prepared query = windows.get(key);
            if (query == null) {
                String name = bare == 1 ? words.bareWord(from) + words.text.substring(words.end[from], end)
                        : words.text.substring(start, end);
                query = matcher.prepare(NameParser.parse(name));
                windows.put(key, query);
            }
            double one = score(query, w, words.text.substring(start, end), start, end, best);
            got = Double.isNaN(got) ? one : one >= 0 || got >= 0 ? Math.max(got, one) : Math.min(got, one);
        }
        return got;
    }

    private Reading reading(String word, Words known) {
        Reading r = known.readings.get(word);
        if (r == null) {
            ParsedName p = NameParser.parse(word);
            int[] parts = new int[0];
            boolean particles = !p.tokens().isEmpty();
            for (NameToken t : p.tokens()) {
                int[] more = names.meets(t, VERIFY_FLOOR);
                if (more.length > 0) {
                    int[] joined = Arrays.copyOf(parts, parts.length + more.length);
                    System.arraycopy(more, 0, joined, parts.length, more.length);
                    parts = joined;
                }
                // a title before a name (السيد, Dr) is not part of what was found; abu, bin, abd and al- are
                particles &= t.role() != NameToken.Role.NAME && t.role() != NameToken.Role.TITLE;
            }
            r = new Reading(parts, particles);
            known.readings.put(word, r);
        }
        return r;
    }
}
