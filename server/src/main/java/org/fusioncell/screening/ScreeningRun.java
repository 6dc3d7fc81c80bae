package org.fusioncell.screening;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.fusioncell.access.Marking;
import org.jspecify.annotations.Nullable;

/**
 * One batch file, passenger manifest or person entity screened: how many people, how many hits (and how
 * many of them still wait for review), under which marking, by whom (for kind ENTITY, the system:
 * {@code system:person-screening}, under the entity's marking).
 *
 * @param flight for a manifest, the flight it reports; null for a batch
 */
public record ScreeningRun(String id, Kind kind, @Nullable String sourceName, double threshold, int subjects,
                           int hits, int pendingHits, Marking marking, String organisationId, String createdBy,
                           Instant createdAt, @Nullable FlightFacts flight) {

    public enum Kind { BATCH, MANIFEST, ENTITY }

    /** What a PAXLST message says of its flight, and what was off in reading it. */
    public record FlightFacts(String messageReference, String carrier, String flightNumber,
                              @Nullable String departureAirport, @Nullable LocalDateTime departure,
                              @Nullable String arrivalAirport, @Nullable LocalDateTime arrival,
                              List<String> irregularities) {
        public FlightFacts {
            irregularities = irregularities == null ? List.of() : List.copyOf(irregularities);
        }
    }
}
