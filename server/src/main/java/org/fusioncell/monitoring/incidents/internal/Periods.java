package org.fusioncell.monitoring.incidents.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The period starts stored with each incident: ISO weeks begin on Monday, months on the first. */
final class Periods {

    private Periods() {
    }

    static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static LocalDate monthStart(LocalDate date) {
        return date.withDayOfMonth(1);
    }
}
