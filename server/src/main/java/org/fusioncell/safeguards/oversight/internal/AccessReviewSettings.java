package org.fusioncell.safeguards.oversight.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fusioncell.safeguards.access-review.*} (docs/oversight.md). Windows are counted from local midnight in
 * {@code zone}, each {@code window} long (between one hour and one day).
 */
@ConfigurationProperties("fusioncell.safeguards.access-review")
record AccessReviewSettings(@DefaultValue("true") boolean enabled,
                            @DefaultValue("PT15M") Duration interval,
                            @DefaultValue("2000") int batchSize,
                            @DefaultValue("UTC") ZoneId zone,
                            @DefaultValue("PT24H") Duration window,
                            @DefaultValue("25") int distinctPersons,
                            @DefaultValue("10") int exports,
                            @DefaultValue("500") int exportedObjects,
                            @DefaultValue("07:00") LocalTime workStart,
                            @DefaultValue("20:00") LocalTime workEnd,
                            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
                            Set<DayOfWeek> workDays,
                            @DefaultValue("20") int oddHourRecords,
                            @DefaultValue("5") int probes,
                            @DefaultValue("fr") String noticeLanguage) {

    AccessReviewSettings {
        if (window.compareTo(Duration.ofHours(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("fusioncell.safeguards.access-review.window must be between PT1H and"
                    + " PT24H, not " + window);
        }
        if (batchSize < 1 || distinctPersons < 1 || exports < 1 || exportedObjects < 1 || oddHourRecords < 1
                || probes < 2) {
            throw new IllegalArgumentException("fusioncell.safeguards.access-review: batch-size and thresholds must be"
                    + " positive, probes at least 2");
        }
        workDays = Set.copyOf(workDays);
    }
}
