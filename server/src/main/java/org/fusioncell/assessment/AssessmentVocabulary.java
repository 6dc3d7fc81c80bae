package org.fusioncell.assessment;

import java.util.List;
import java.util.Optional;

/**
 * The configured probability yardstick and risk matrix ({@code fusioncell.assessment.*}). Labels are
 * message keys: {@code assessment.yardstick.<key>}, {@code assessment.likelihood.<key>},
 * {@code assessment.impact.<key>}, {@code assessment.level.<key>}.
 */
public interface AssessmentVocabulary {

    /** A yardstick term and its percentage band. */
    record Term(String key, int lowPercent, int highPercent) {
    }

    List<Term> yardstick();

    /** Axis keys, from least to most. */
    List<String> likelihoods();

    List<String> impacts();

    /** Threat levels, from lowest to highest. */
    List<String> levels();

    /** The level in the matrix cell, or empty when either key is not on its axis. */
    Optional<String> level(String likelihood, String impact);
}
