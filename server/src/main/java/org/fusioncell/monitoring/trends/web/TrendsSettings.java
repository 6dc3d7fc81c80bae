package org.fusioncell.monitoring.trends.web;

import org.fusioncell.monitoring.trends.AnomalyDetection;
import org.fusioncell.monitoring.trends.Forecasting;
import org.fusioncell.monitoring.trends.Suppression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.monitoring.trends.*} (docs/trends.md, docs/configuration.md).
 *
 * @param suppressBelow  counts from 1 to this − 1 are shown as "&lt; N" everywhere (5; 0 or 1: off)
 * @param threshold      |robust z| from which a period is an anomaly (3.5)
 * @param minCount       the smallest count worth flagging (5)
 * @param rollingWindow  periods before the one judged that form its baseline when fewer than two years
 *                       precede it (12)
 * @param minHistory     periods needed before the first one judged (12: a rolling window shorter than a
 *                       year would mistake the seasonal low for a fall)
 * @param horizon        periods forecast (6)
 * @param intervalLevel  intended coverage of the forecast interval (0.8)
 * @param topGroups      groups in the bar chart (10)
 */
@ConfigurationProperties("fusioncell.monitoring.trends")
public record TrendsSettings(Integer suppressBelow, Double threshold, Integer minCount, Integer rollingWindow,
                             Integer minHistory, Integer horizon, Double intervalLevel, Integer topGroups) {

    public TrendsSettings {
        // built once at start-up: a bad value stops the application with the reason
        try {
            new AnomalyDetection(threshold == null ? 3.5 : threshold, minCount == null ? 5 : minCount,
                    rollingWindow == null ? 12 : rollingWindow, minHistory == null ? 12 : minHistory);
            new Forecasting(horizon == null ? 6 : horizon, intervalLevel == null ? 0.8 : intervalLevel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fusioncell.monitoring.trends: " + e.getMessage(), e);
        }
        if (suppressBelow != null && suppressBelow < 0) {
            throw new IllegalArgumentException("fusioncell.monitoring.trends.suppress-below must be 0 or more");
        }
    }

    public Suppression suppression() {
        return new Suppression(suppressBelow == null ? 5 : suppressBelow);
    }

    public AnomalyDetection detection() {
        return new AnomalyDetection(threshold == null ? 3.5 : threshold, minCount == null ? 5 : minCount,
                rollingWindow == null ? 12 : rollingWindow, minHistory == null ? 12 : minHistory);
    }

    public Forecasting forecasting() {
        return new Forecasting(horizon == null ? 6 : horizon, intervalLevel == null ? 0.8 : intervalLevel);
    }

    /** The same forecasting with another horizon (a request may ask for 1..24 periods). */
    public Forecasting forecasting(Integer requestedHorizon) {
        Forecasting defaults = forecasting();
        return requestedHorizon == null ? defaults : new Forecasting(requestedHorizon, defaults.level());
    }

    public int groupsShown() {
        return topGroups == null ? 10 : Math.max(1, topGroups);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrendsSettings.class)
    static class Beans {
    }
}
