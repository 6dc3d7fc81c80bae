package org.fusioncell.names;

import java.util.HashMap;
import java.util.Map;

/**
 * How much a name part tells apart: "Muhammad" or "Ali" are shared by millions and prove little,
 * "Belmokhtar" a lot. Weights come from the frequencies of a loaded list when there is one
 * ({@link #fromCounts}); without a list, a short built-in set of the most frequent Arabic and Muslim
 * given names (by their sound skeleton, so every spelling of them counts) weighs half.
 */
public final class Commonness {

    private static final String[] FREQUENT = {
            "muhammad", "mohammed", "ahmad", "ali", "hassan", "husain", "hussein", "umar", "omar", "ibrahim",
            "ismail", "yusuf", "khalid", "mustafa", "mahmud", "said", "salih", "hamid", "karim", "rahman", "lah",
            "aziz", "rahim", "qadir", "salam", "majid", "malik", "nasir", "hakim", "din", "khan", "shah", "abbas",
            "yahya", "musa", "isa", "idris", "hamza", "bakr", "jafar", "fatima", "aisha", "maryam", "khadija",
            "zainab", "amina", "sultan", "rashid", "saad", "saeed", "usman", "uthman", "adam", "nur", "mansur",
    };

    private static final Commonness BUILT_IN = builtIn();

    private final Map<String, Float> weights;
    private final float unknown;

    private Commonness(Map<String, Float> weights, float unknown) {
        this.weights = weights;
        this.unknown = unknown;
    }

    public static Commonness builtIn() {
        if (BUILT_IN != null) {
            return BUILT_IN;
        }
        Map<String, Float> w = new HashMap<>();
        for (String name : FREQUENT) {
            w.put(Sounds.skeleton(Sounds.latin(name)), 0.5f);
        }
        return new Commonness(Map.copyOf(w), 1f);
    }

    /**
     * Weights from how many of {@code total} names contain each skeleton: log-scaled between 0.35 (in
     * every name) and 1 (rare), never above the built-in weight for the well-known frequent names.
     */
    public static Commonness fromCounts(Map<String, Integer> skeletonCounts, int total) {
        Map<String, Float> w = new HashMap<>(builtIn().weights);
        double logTotal = Math.log(Math.max(total, 2));
        for (Map.Entry<String, Integer> e : skeletonCounts.entrySet()) {
            double idf = Math.log((double) total / Math.max(1, e.getValue())) / logTotal;
            float weight = (float) Math.max(0.35, Math.min(1.0, 0.35 + idf));
            w.merge(e.getKey(), weight, Math::min);
        }
        return new Commonness(Map.copyOf(w), 1f);
    }

    /** The weight of a name part in [0.35, 1]; particles and titles weigh little whatever the list says. */
    public float weight(NameToken token) {
        return switch (token.role()) {
            case ARTICLE -> 0f;
            case CONNECTOR -> 0.1f;
            case TITLE -> 0.15f;
            case KUNYA, ABD -> 0.25f;
            case NAME -> token.skeleton().isEmpty() ? 0.3f : weights.getOrDefault(token.skeleton(), unknown);
        };
    }
}
