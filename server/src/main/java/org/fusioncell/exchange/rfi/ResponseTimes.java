package org.fusioncell.exchange.rfi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fast each addressed organisation answered the requests created in {@code [from, to)} that the
 * reader may see: how many it was addressed, answered, the median and 90th percentile time from the
 * request to its first answer (null without answers), and how many were overdue (answered after the
 * due date, or still unanswered past it at {@code asOf}).
 */
public record ResponseTimes(Instant from, Instant to, Instant asOf, List<Row> organisations) {

    public record Row(String organisationId, int addressed, int answered, Duration median, Duration p90,
                      int overdue) {
    }
}
