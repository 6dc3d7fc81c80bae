package org.fusioncell.names;

/**
 * A weighted edit distance over {@link Sounds} symbols. The prices say how names move between
 * spellings: short vowels come and go for free-ish (Arabic does not write them), vowels swap cheaply
 * (Muhammad / Mohamed), long vowels and w / y trade places (Yusuf / Youssef / يوسف), the ayn and hamza
 * vanish (Said / Sa'id / سعيد), sounds that languages render differently are close (q / k / g,
 * kh / h, th / t / s, dh / z / d, j / g / dj, sh / ch / s, p / b, v / f / w), and any other consonant
 * change costs a full consonant. Swapping two neighbours costs half a consonant (typing slips).
 */
final class SoundDistance {

    private static final int SIZE = 128;
    /** Substitution prices, flat: [a * SIZE + b]. */
    private static final float[] SUBSTITUTE = new float[SIZE * SIZE];
    private static final float[] INSERT = new float[SIZE];
    private static final float[] WEIGHT = new float[SIZE];
    private static final float TRANSPOSE = 0.5f;

    static {
        for (int a = 0; a < SIZE; a++) {
            INSERT[a] = 1f;
            WEIGHT[a] = 1f;
            for (int b = 0; b < SIZE; b++) {
                SUBSTITUTE[(a) * SIZE + (b)] = a == b ? 0f : 1f;
            }
        }
        String vowels = "aeiou";
        for (char v : vowels.toCharArray()) {
            INSERT[v] = 0.2f;
            WEIGHT[v] = 0.25f;
            for (char u : vowels.toCharArray()) {
                if (u != v) {
                    close(u, v, 0.15f);
                }
            }
            close(v, '3', 0.2f);
            close(v, '\'', 0.2f);
            close(v, 'H', 0.05f);
            close(v, 'w', "uo".indexOf(v) >= 0 ? 0.1f : 0.6f);
            close(v, 'y', "ie".indexOf(v) >= 0 ? 0.1f : 0.6f);
        }
        close('a', 'i', 0.25f);
        close('a', 'u', 0.25f);
        weak('3', 0.15f, 0.3f);
        weak('\'', 0.15f, 0.3f);
        weak('H', 0.05f, 0.2f);
        weak('h', 0.45f, 0.6f);
        weak('w', 0.8f, 0.6f);
        weak('y', 0.8f, 0.6f);
        close('H', 'h', 0f);
        close('H', 't', 0.1f);
        close('w', 'y', 0.6f);
        close('h', '3', 0.45f);
        close('h', 'x', 0.3f);
        close('x', 'k', 0.45f);
        close('x', 'g', 0.5f);
        close('q', 'k', 0.15f);
        close('q', 'g', 0.3f);
        close('k', 'g', 0.4f);
        close('g', 'j', 0.3f);
        close('j', 'z', 0.5f);
        close('j', 'y', 0.4f);
        close('j', 'x', 0.5f);
        close('T', 't', 0.2f);
        close('T', 's', 0.25f);
        close('D', 'd', 0.2f);
        close('D', 'z', 0.2f);
        close('D', 'T', 0.3f);
        close('z', 's', 0.4f);
        close('z', 'd', 0.5f);
        close('d', 't', 0.5f);
        close('s', 'c', 0.4f);
        close('c', 'x', 0.35f);
        close('c', 'k', 0.5f);
        close('c', 'j', 0.6f);
        close('b', 'p', 0.2f);
        close('f', 'v', 0.2f);
        close('f', 'p', 0.4f);
        close('w', 'v', 0.3f);
        close('m', 'n', 0.6f);
        close('l', 'r', 0.7f);
        close('n', 'l', 0.8f);
        silent(Sounds.SILENT_T, 't', 'd');
        silent(Sounds.SILENT_S, 's', 'z');
    }

    private SoundDistance() {
    }

    private static void close(char a, char b, float price) {
        SUBSTITUTE[(a) * SIZE + (b)] = price;
        SUBSTITUTE[(b) * SIZE + (a)] = price;
    }

    /** A final letter that may be silent: free against its own sounds, cheap to drop. */
    private static void silent(char symbol, char sound, char alike) {
        for (int b = 0; b < SIZE; b++) {
            SUBSTITUTE[(symbol) * SIZE + (b)] = SUBSTITUTE[(sound) * SIZE + (b)];
            SUBSTITUTE[(b) * SIZE + (symbol)] = SUBSTITUTE[(b) * SIZE + (sound)];
        }
        close(symbol, sound, 0f);
        close(symbol, alike, 0.2f);
        SUBSTITUTE[(symbol) * SIZE + (symbol)] = 0f;
        weak(symbol, 0.35f, 0.6f);
    }

    private static void weak(char c, float insert, float weight) {
        INSERT[c] = insert;
        WEIGHT[c] = weight;
    }

    /** How much a symbol string weighs: consonants 1, vowels and weak sounds less. */
    static float weight(String symbols) {
        float w = 0;
        for (int i = 0; i < symbols.length(); i++) {
            w += WEIGHT[symbols.charAt(i) & 0x7f];
        }
        return w;
    }

    /** 1 for the same sounds, down to 0 when nothing lines up. */
    static float similarity(String a, String b) {
        return similarity(a, b, 0f);
    }

    /**
     * As {@link #similarity(String, String)}, but any value below {@code floor} may come back as 0: the
     * computation stops as soon as the distance can no longer stay under the budget the floor allows.
     */
    static float similarity(String a, String b, float floor) {
        return similarity(a, b, weight(a), weight(b), floor);
    }

    /** As above with the two {@link #weight}s already known. */
    static float similarity(String a, String b, float weightA, float weightB, float floor) {
        if (a.equals(b)) {
            return 1f;
        }
        float norm = Math.max(weightA, weightB);
        if (norm == 0f) {
            return 0f;
        }
        float budget = floor <= 0f ? Float.MAX_VALUE : (1f - floor) * norm;
        return Math.max(0f, 1f - distance(a, b, budget) / norm);
    }

    /** The distance, or a value above {@code budget} as soon as every path exceeds it. */
    static float distance(String a, String b, float budget) {
        int n = a.length();
        int m = b.length();
        float[] prev2 = new float[m + 1];
        float[] prev = new float[m + 1];
        float[] cur = new float[m + 1];
        prev[0] = 0;
        for (int j = 1; j <= m; j++) {
            prev[j] = prev[j - 1] + INSERT[b.charAt(j - 1) & 0x7f];
        }
        for (int i = 1; i <= n; i++) {
            char ca = a.charAt(i - 1);
            float del = INSERT[ca & 0x7f];
            cur[0] = prev[0] + del;
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                float best = prev[j - 1] + SUBSTITUTE[(ca & 0x7f) * SIZE + (cb & 0x7f)];
                float d = prev[j] + del;
                if (d < best) {
                    best = d;
                }
                float ins = cur[j - 1] + INSERT[cb & 0x7f];
                if (ins < best) {
                    best = ins;
                }
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb && ca != cb) {
                    float t = prev2[j - 2] + TRANSPOSE;
                    if (t < best) {
                        best = t;
                    }
                }
                cur[j] = best;
            }
            float rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > budget) {
                // a transposition reaches back two rows but costs more than it can save here
                return Float.MAX_VALUE;
            }
            float[] tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }
}
