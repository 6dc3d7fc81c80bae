package org.fusioncell.submissions.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The public form's per-address limit: the hour fills, other addresses are unaffected, the window slides. */
class PublicSubmissionLimitTest {

    @Test
    void anAddressGetsItsHourlyQuotaAndNoMore() {
        MovingClock clock = new MovingClock();
        PublicSubmissionLimit limit = new PublicSubmissionLimit(3, clock);
        assertThat(limit.admit("10.0.0.1")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(limit.admit("10.0.0.1")).isTrue();
        assertThat(limit.admit("10.0.0.1")).isTrue();
        assertThat(limit.admit("10.0.0.1")).as("the fourth in the hour").isFalse();
        assertThat(limit.admit("10.0.0.2")).as("another address").isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(41));
        assertThat(limit.admit("10.0.0.1")).as("the first has left the window").isTrue();
        assertThat(limit.admit("10.0.0.1")).isFalse();
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
