package org.fusioncell.screening.manifest;

import java.time.LocalDateTime;

/**
 * One flight leg of a manifest, from a TDT segment group: TDT, then LOC and DTM pairs.
 * Times are the local times the message gives (no zone is sent).
 *
 * @param carrier the airline designator (TDT C040), or the leading two characters of the flight
 *                number when the carrier is not sent separately and the rest is a flight number
 * @param flightNumber the conveyance reference as sent, e.g. {@code UA0989}
 * @param departureAirport LOC+125 (last airport before the reporting state) or the first LOC+92 of the leg
 * @param departure DTM+189, or null
 * @param arrivalAirport LOC+87 (first airport in the reporting state) or the second LOC+92 of the leg
 * @param arrival DTM+232, or null
 */
public record Flight(String carrier, String flightNumber, String departureAirport, LocalDateTime departure,
                     String arrivalAirport, LocalDateTime arrival) {
}
