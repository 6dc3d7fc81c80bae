package org.fusioncell.screening.internal;

import java.time.Duration;
import org.fusioncell.access.ClassificationScheme;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.screening.*}.
 *
 * @param threshold             the score from which a listed entry is a candidate (0.80: the engine's scores
 *                              are in [0, 1]; below it the UN + OFAC lists give too many false alarms)
 * @param candidates            the most candidates kept per screened name
 * @param rescreenWindow        how far back travellers and rows are screened again when a list changes
 * @param confirmationsRequired distinct users whose confirmation makes a match confirmed (2: four eyes)
 * @param classification        the level of screening runs and hits when the caller names none (empty: the
 *                              scheme's lowest)
 * @param maxBatchRows          the most rows a batch file may hold
 */
@ConfigurationProperties("fusioncell.screening")
public record ScreeningSettings(Double threshold, Integer candidates, Duration rescreenWindow,
                                Integer confirmationsRequired, String classification, Integer maxBatchRows) {

    public double defaultThreshold() {
        return threshold == null ? 0.80 : threshold;
    }

    public int candidateLimit() {
        return candidates == null ? 10 : candidates;
    }

    public Duration window() {
        return rescreenWindow == null ? Duration.ofDays(30) : rescreenWindow;
    }

    public int confirmations() {
        return confirmationsRequired == null ? 2 : Math.max(1, confirmationsRequired);
    }

    public int rowLimit() {
        return maxBatchRows == null ? 100_000 : maxBatchRows;
    }

    public int classificationRank(ClassificationScheme scheme) {
        return classification == null || classification.isBlank() ? 0 : scheme.rank(classification)
                .orElseThrow(() -> new IllegalStateException("fusioncell.screening.classification names no level of "
                        + "fusioncell.access.classification-levels"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ScreeningSettings.class)
    static class Beans {
    }
}
