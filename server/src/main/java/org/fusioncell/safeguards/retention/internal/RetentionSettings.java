package org.fusioncell.safeguards.retention.internal;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fusioncell.safeguards.retention.*}: the purge's schedule (a cron expression, read by the scheduler), the
 * grace after a review date before a review is overdue, and per information type its periods and, when the
 * installation words them itself, its legal basis and purpose.
 */
@ConfigurationProperties("fusioncell.safeguards.retention")
record RetentionSettings(String schedule, Period reviewGrace, Map<String, TypeSettings> types) {

    record TypeSettings(Period period, Period review, String legalBasis, String purpose) {
    }

    RetentionSettings {
        reviewGrace = reviewGrace == null ? Period.ofDays(30) : reviewGrace;
        types = types == null ? Map.of() : Map.copyOf(types);
    }

    TypeSettings type(String type) {
        return types.getOrDefault(type, new TypeSettings(null, null, null, null));
    }
}
