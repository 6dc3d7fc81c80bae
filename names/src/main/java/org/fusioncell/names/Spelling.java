package org.fusioncell.names;

/** Letter-level comparison of two spellings in the same script (Damerau-Levenshtein, with an early stop). */
final class Spelling {

    private Spelling() {
    }

    /** True when one substitution, insertion, deletion or swap of neighbours (or none) turns a into b. */
    static boolean withinOneEdit(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 1) {
            return false;
        }
        int i = 0;
        while (i < n && i < m && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == n && i == m) {
            return true;
        }
        if (n == m) {
            if (a.regionMatches(i + 1, b, i + 1, n - i - 1)) {
                return true;
            }
            return i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, n - i - 2);
        }
        return n > m ? a.regionMatches(i + 1, b, i, m - i) : b.regionMatches(i + 1, a, i, n - i);
    }

    /** Damerau-Levenshtein distance, or a value above {@code budget} once every path exceeds it. */
    static int distance(String a, String b, int budget) {
        int n = a.length();
        int m = b.length();
        if (n == 0 || m == 0) {
            return Math.max(n, m);
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, prev2[j - 2] + 1);
                }
                cur[j] = best;
            }
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > budget + 1) {
                // a transposition reaches back two rows and saves at most one
                return Integer.MAX_VALUE;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
