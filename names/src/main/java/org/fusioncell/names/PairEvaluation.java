package org.fusioncell.names;

import java.util.Arrays;

/**
 * Precision, recall and F1 of scored, labelled pairs at a given threshold, and the threshold that
 * gives the best F1.
 */
public final class PairEvaluation {

    private final double[] scores;
    private final boolean[] labels;

    public PairEvaluation(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        this.scores = scores.clone();
        this.labels = labels.clone();
    }

    /** The figures at one threshold (a pair matches when its score is at least the threshold). */
    public record Figures(double threshold, long truePositives, long falsePositives, long falseNegatives,
                          double precision, double recall, double f1) {
    }

    public Figures at(double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && labels[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (labels[i]) {
                fn++;
            }
        }
        return figures(threshold, tp, fp, fn);
    }

    /** The threshold (one of the observed scores) with the highest F1. */
    public Figures best() {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(scores[y], scores[x]));
        long positives = 0;
        for (boolean l : labels) {
            if (l) {
                positives++;
            }
        }
        Figures best = figures(Double.POSITIVE_INFINITY, 0, 0, positives);
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (labels[i]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfScore = k + 1 == order.length || scores[order[k + 1]] < scores[i];
            if (lastOfScore) {
                Figures f = figures(scores[i], tp, fp, positives - tp);
                if (f.f1() > best.f1()) {
                    best = f;
                }
            }
        }
        return best;
    }

    private static Figures figures(double threshold, long tp, long fp, long fn) {
        double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Figures(threshold, tp, fp, fn, precision, recall, f1);
    }
}
