package org.fusioncell.screening.manifest;

import java.util.List;
import java.util.Objects;

/**
 * One PAXLST message (UNH … UNT): the flight it reports and its travellers in message order.
 *
 * @param messageReference UNH 0062, the sender's reference of the message
 * @param messageType type, version and release, e.g. {@code PAXLST:D:02B}
 * @param flight the leg the manifest reports: the one with LOC+125/LOC+87, else the last leg
 * @param legs every TDT leg of the message in order (routing legs with LOC+92 included)
 * @param irregularities what was tolerated or guessed in reading it, in segment order
 */
public record Manifest(String messageReference, String messageType, Flight flight, List<Flight> legs,
                       List<Traveller> travellers, List<Irregularity> irregularities) {

    public Manifest {
        Objects.requireNonNull(messageReference, "messageReference");
        Objects.requireNonNull(messageType, "messageType");
        legs = List.copyOf(legs);
        travellers = List.copyOf(travellers);
        irregularities = List.copyOf(irregularities);
    }
}
