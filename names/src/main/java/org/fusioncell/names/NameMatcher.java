package org.fusioncell.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compares two names part by part, in any order and across scripts. Each part of one name is paired
 * with its most alike part of the other (two neighbouring parts may pair with one written joined:
 * "Abu Bakr" / "Aboubakr", "Ben Ali" / "Benali"); a pair's similarity counts in proportion to how
 * much each part tells apart ({@link Commonness}); parts left without a partner (a missing middle
 * name, a dropped title) lower the score, the more so on the shorter name.
 */
public final class NameMatcher {

    /** The score from which two names are taken to be the same person's (best F1 of names-eval on the dev pairs). */
    public static final double DEFAULT_THRESHOLD = 0.71;

    /** Parts less alike than this are not paired at all. */
    static final double PAIRING_FLOOR = 0.55;
    private static final double SHORT_SIDE = 0.7;
    private static final double JOINED_PRICE = 0.03;
    private static final double JOIN_WHEN_BELOW = 0.9;

    private final Commonness commonness;

    public NameMatcher() {
        this(Commonness.builtIn());
    }

    public NameMatcher(Commonness commonness) {
        this.commonness = commonness;
    }

    /** The weight of a name part for this matcher's commonness. */
    public float weight(NameToken token) {
        return commonness.weight(token);
    }

    public NameScore compare(String a, String b) {
        return compare(NameParser.parse(a), NameParser.parse(b));
    }

    public NameScore compare(ParsedName a, ParsedName b) {
        return compare(prepare(a), prepare(b), null);
    }

    /** A name's parts, weights and readings (single parts and joined neighbours), computed once. */
    static final class Prepared {
        final List<NameToken> tokens;
        final float[] weights;
        final double total;
        final Unit[] units;
        final boolean empty;

        Prepared(List<NameToken> tokens, float[] weights, Unit[] units) {
            this.tokens = tokens;
            this.weights = weights;
            double t = 0;
            for (float w : weights) {
                t += w;
            }
            this.total = t;
            this.units = units;
            this.empty = tokens.stream().allMatch(NameMatcher::isArticle);
        }
    }

    Prepared prepare(ParsedName name) {
        return prepare(name, null);
    }

    /** @param parts when given, equal parts share one {@link Part} object (what a similarity cache keys on) */
    Prepared prepare(ParsedName name, Map<String, Part> parts) {
        List<NameToken> tokens = name.tokens().stream().filter(t -> !t.sounds().isEmpty()).toList();
        float[] w = new float[tokens.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = commonness.weight(tokens.get(i));
        }
        List<Unit> units = new ArrayList<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            if (!isArticle(t)) {
                units.add(new Unit(i, 1, part(t.text(), t.sounds(), t.skeleton(), t.role(), t.script(), parts),
                        w[i]));
            }
            // an article stands only in such a pair ("al" + "butairi" against "Albutairi"), never alone
            if (i + 1 < tokens.size()) {
                NameToken n = tokens.get(i + 1);
                String sounds = t.sounds() + n.sounds();
                units.add(new Unit(i, 2, part(t.text() + "+" + n.text(), sounds, Sounds.skeleton(sounds),
                        NameToken.Role.NAME, t.script(), parts), w[i] + w[i + 1]));
            }
        }
        return new Prepared(tokens, w, units.toArray(Unit[]::new));
    }

    private static Part part(String text, String sounds, String skeleton, NameToken.Role role, Script script,
                             Map<String, Part> parts) {
        float weight = SoundDistance.weight(sounds);
        if (parts == null) {
            return new Part(-1, text, sounds, skeleton, role, script, weight);
        }
        return parts.computeIfAbsent(role + "|" + script + "|" + text,
                k -> new Part(parts.size(), text, sounds, skeleton, role, script, weight));
    }

    /**
     * @param cache single-part similarities already computed for this query: listed part → one value
     *              per query unit (NaN when not yet computed); null for none
     */
    NameScore compare(Prepared a, Prepared b, PartSimilarities cache) {
        if (a.empty || b.empty) {
            return NameScore.NONE;
        }
        List<Option> options = new ArrayList<>();
        double[] bestA = new double[a.tokens.size()];
        double[] bestB = new double[b.tokens.size()];
        for (int i = 0; i < a.units.length; i++) {
            Unit ua = a.units[i];
            if (ua.span != 1) {
                continue;
            }
            for (Unit ub : b.units) {
                if (ub.span != 1) {
                    continue;
                }
                double sim = cachedSimilarity(a, i, ub.part, cache, false);
                bestA[ua.start] = Math.max(bestA[ua.start], sim);
                bestB[ub.start] = Math.max(bestB[ub.start], sim);
                if (sim >= PAIRING_FLOOR) {
                    options.add(new Option(ua, ub, sim));
                }
            }
        }
        // joined readings only where a part found no close partner on its own
        for (Unit ua : a.units) {
            for (Unit ub : b.units) {
                if ((ua.span == 1 && ub.span == 1) || (!ua.needsJoin(bestA) && !ub.needsJoin(bestB))
                        || (ua.span == 2 && ub.span == 2 && (ua.hasArticle(a) || ub.hasArticle(b)))
                        || !skeletonsClose(ua.part.skeleton(), ub.part.skeleton())) {
                    continue;
                }
                // a joined reading must beat the parts read apart, not tie with them
                double sim = similarity(ua.part, ub.part) - JOINED_PRICE;
                if (sim >= PAIRING_FLOOR) {
                    options.add(new Option(ua, ub, sim));
                }
            }
        }
        options.sort(Comparator.comparingDouble((Option o) -> o.similarity)
                .thenComparingDouble(o -> o.a.weight + o.b.weight).reversed());
        boolean[] usedA = new boolean[a.tokens.size()];
        boolean[] usedB = new boolean[b.tokens.size()];
        double[] simA = new double[a.tokens.size()];
        double[] simB = new double[b.tokens.size()];
        List<NameScore.Pair> pairs = new ArrayList<>();
        for (Option o : options) {
            if (o.a.taken(usedA) || o.b.taken(usedB)) {
                continue;
            }
            o.a.take(usedA, simA, o.similarity);
            o.b.take(usedB, simB, o.similarity);
            pairs.add(new NameScore.Pair(o.a.part.text(), o.b.part.text(), o.similarity, how(o)));
        }
        double coverA = cover(a.weights, simA, a.total);
        double coverB = cover(b.weights, simB, b.total);
        double shortSide = a.total <= b.total ? coverA : coverB;
        double longSide = a.total <= b.total ? coverB : coverA;
        double score = SHORT_SIDE * shortSide + (1 - SHORT_SIDE) * longSide;
        return new NameScore(Math.min(1.0, score), pairs, unmatched(a.tokens, usedA), unmatched(b.tokens, usedB));
    }

    /**
     * A quick upper estimate of how much of the query a listed name covers: each query part's best
     * single-part similarity, weighted. Used to order a wide shortlist before full comparisons.
     */
    static double roughCoverage(Prepared query, Prepared listed, PartSimilarities cache) {
        if (query.empty || listed.empty || query.total == 0) {
            return 0;
        }
        double covered = 0;
        for (int i = 0; i < query.units.length; i++) {
            Unit q = query.units[i];
            if (q.span != 1 || q.weight == 0) {
                continue;
            }
            double best = 0;
            for (Unit l : listed.units) {
                if (l.span == 1) {
                    best = Math.max(best, cachedSimilarity(query, i, l.part, cache, true));
                }
            }
            covered += q.weight * best;
        }
        return covered / query.total;
    }

    /** Below this, the rough pass does not care how low a similarity is: it stops computing early. */
    private static final float ROUGH_FLOOR = 0.75f;

    private static double cachedSimilarity(Prepared a, int unit, Part listed, PartSimilarities cache, boolean rough) {
        if (cache == null || !cache.usable(listed.id())) {
            return rough ? roughSimilarity(a.units[unit].part, listed) : similarity(a.units[unit].part, listed);
        }
        float known = cache.get(listed.id(), unit, rough);
        if (Float.isNaN(known)) {
            known = (float) (rough ? roughSimilarity(a.units[unit].part, listed) : similarity(a.units[unit].part, listed));
            cache.put(listed.id(), unit, rough, known);
        }
        return known;
    }

    /** By sound only, and 0 for anything below {@link #ROUGH_FLOOR}. */
    private static double roughSimilarity(Part a, Part b) {
        if (a.role() != NameToken.Role.NAME && a.role() == b.role()) {
            return 0.95;
        }
        if (a.text().equals(b.text())) {
            return 1.0;
        }
        // parts this alike nearly always have skeletons one edit apart at most: skip the rest unmeasured
        if (!Spelling.withinOneEdit(a.skeleton(), b.skeleton())) {
            return 0;
        }
        return SoundDistance.similarity(a.sounds(), b.sounds(), a.weight(), b.weight(), ROUGH_FLOOR);
    }

    private static boolean isArticle(NameToken t) {
        return t.role() == NameToken.Role.ARTICLE;
    }

    private static double cover(float[] w, double[] sim, double total) {
        double covered = 0;
        for (int i = 0; i < w.length; i++) {
            covered += w[i] * sim[i];
        }
        return total == 0 ? 0 : covered / total;
    }

    private static List<String> unmatched(List<NameToken> tokens, boolean[] used) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i] && tokens.get(i).role() == NameToken.Role.NAME) {
                out.add(tokens.get(i).text());
            }
        }
        return out;
    }

    private static NameScore.How how(Option o) {
        if (o.a.span == 2 || o.b.span == 2) {
            return NameScore.How.JOINED;
        }
        if (o.a.part.text().equals(o.b.part.text())) {
            return NameScore.How.SAME;
        }
        boolean latin = o.a.part.script() == Script.LATIN && o.b.part.script() == Script.LATIN;
        return latin && SoundDistance.similarity(o.a.part.sounds(), o.b.part.sounds()) < o.similarity - 1e-9
                ? NameScore.How.SPELLING : NameScore.How.SOUNDS_ALIKE;
    }

    /**
     * A joined reading is worth the full comparison only when the consonant skeletons nearly agree
     * (Abu Bakr / Aboubakr: both "bkr"); most pairs of a screening fail this at once.
     */
    private static boolean skeletonsClose(String a, String b) {
        int allowed = Math.max(1, Math.max(a.length(), b.length()) / 4);
        if (Math.abs(a.length() - b.length()) > allowed) {
            return false;
        }
        return Spelling.distance(a, b, allowed) <= allowed;
    }

    /**
     * What a name part is, whatever its position: shared between names in an index.
     *
     * @param id     its number in the index (-1 outside one)
     * @param weight the {@link SoundDistance#weight} of its sounds
     */
    record Part(int id, String text, String sounds, String skeleton, NameToken.Role role, Script script, float weight) {
    }

    /** A part, or two neighbouring parts read as one word, at its position in a name. */
    record Unit(int start, int span, Part part, float weight) {
        boolean needsJoin(double[] best) {
            for (int i = start; i < start + span; i++) {
                if (best[i] < JOIN_WHEN_BELOW) {
                    return true;
                }
            }
            return false;
        }

        /** An article joined on both sides only inflates the likeness: "Muhammad al" ~ "Mohamed al". */
        boolean hasArticle(Prepared p) {
            for (int i = start; i < start + span; i++) {
                if (isArticle(p.tokens.get(i))) {
                    return true;
                }
            }
            return false;
        }

        boolean taken(boolean[] used) {
            return used[start] || (span == 2 && used[start + 1]);
        }

        void take(boolean[] used, double[] sims, double sim) {
            for (int i = start; i < start + span; i++) {
                used[i] = true;
                sims[i] = sim;
            }
        }
    }

    private record Option(Unit a, Unit b, double similarity) {
    }

    static double similarity(Part a, Part b) {
        if (a.role() != NameToken.Role.NAME && a.role() == b.role()) {
            return 0.95;
        }
        if (a.text().equals(b.text())) {
            return 1.0;
        }
        return tokenSimilarity(a, b);
    }

    private static double tokenSimilarity(Part a, Part b) {
        double sound = SoundDistance.similarity(a.sounds(), b.sounds(), a.weight(), b.weight(), (float) PAIRING_FLOOR);
        return a.script() == Script.LATIN && b.script() == Script.LATIN
                ? withSpelling(sound, a.text(), b.text()) : sound;
    }

    /** Two Latin spellings may also be alike letter by letter (typing slips the sounds do not forgive). */
    private static double withSpelling(double sound, String textA, String textB) {
        if (sound < 0.95) {
            int n = textA.length();
            int m = textB.length();
            int longer = Math.max(n, m);
            // letter by letter, with the length difference as a floor under the distance
            double needed = Math.max(sound, PAIRING_FLOOR) / 0.97;
            int budget = (int) Math.floor((1.0 - needed) * longer);
            if (Math.abs(n - m) <= budget) {
                int d = Spelling.distance(textA, textB, budget);
                if (d <= budget) {
                    return Math.max(sound, 0.97 * (1.0 - (double) d / longer));
                }
            }
        }
        return sound;
    }
}
