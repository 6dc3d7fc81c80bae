package org.fusioncell.screening.manifest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Countries;
import org.fusioncell.names.Subject;

/**
 * Turns the segments of one PAXLST message (UNH … UNT) into a {@link Manifest}. The message's groups,
 * as the WCO/IATA/ICAO API guidelines lay them out (D02B and D05B alike):
 * <pre>
 * UNH BGM [RFF] [DTM]
 * SG1  NAD+MS (reporting party) [CTA] [COM]
 * SG2  TDT (flight leg) — SG3 LOC (125/87, or 92 for routing) with DTM (189 departure, 232 arrival)
 * SG4  NAD+FL|FM|DDT|DDU (traveller) ATT DTM+329 LOC(22,174,178,179,180) NAT RFF…
 *      — SG5 DOC with DTM+36 (expiry) and LOC+91 (issuing country)
 * CNT UNT
 * </pre>
 * A segment is read by its qualifier within the group it falls in; segments the screening does not use
 * (COM, RFF, LOC+22, DTM+182…) are passed over. A field sent twice for one traveller is refused rather
 * than one of the two kept silently.
 */
final class PaxlstMessage {

    /** ICAO 9303 nationality codes that are not ISO 3166 alpha-3 but name an ISO country. */
    private static final Map<String, String> ICAO_CODES = Map.of(
            "D", "de", "GBD", "gb", "GBN", "gb", "GBO", "gb", "GBP", "gb", "GBS", "gb", "RKS", "xk");

    private final LocalDate referenceDay;
    private final List<Irregularity> irregularities;
    private final List<LegDraft> legs = new ArrayList<>();
    private final List<TravellerDraft> travellers = new ArrayList<>();
    private LegDraft leg;
    private TravellerDraft traveller;
    private DocumentDraft document;

    private PaxlstMessage(LocalDate referenceDay, List<Irregularity> irregularities) {
        this.referenceDay = referenceDay;
        this.irregularities = irregularities;
    }

    /**
     * @param segments UNH to UNT of one message
     * @param referenceDay the day two-digit years are read against (see {@link ShortDates})
     * @param irregularities what the envelope check noted so far; this adds its own
     */
    static Manifest read(List<Segment> segments, LocalDate referenceDay, List<Irregularity> irregularities) {
        PaxlstMessage message = new PaxlstMessage(referenceDay, new ArrayList<>(irregularities));
        segments.forEach(message::accept);
        Segment header = segments.getFirst();
        Segment trailer = segments.getLast();
        if (message.legs.isEmpty()) {
            throw trailer.refuse("the message has no flight leg (TDT)");
        }
        List<Flight> flights = message.legs.stream().map(LegDraft::flight).toList();
        Flight reported = flights.getLast();
        for (int i = 0; i < flights.size(); i++) {
            if (message.legs.get(i).crossesBorder) {
                reported = flights.get(i);
            }
        }
        List<Traveller> travellers = new ArrayList<>();
        for (TravellerDraft draft : message.travellers) {
            travellers.add(draft.traveller(travellers.size() + 1));
        }
        String type = String.join(":", header.components(2).subList(0, Math.min(3, header.components(2).size())));
        return new Manifest(header.value(1), type, reported, flights, travellers, message.irregularities);
    }

    private void accept(Segment s) {
        switch (s.tag()) {
            case "TDT" -> startLeg(s);
            case "NAD" -> startParty(s);
            case "LOC" -> location(s);
            case "DTM" -> date(s);
            case "ATT" -> attribute(s);
            case "NAT" -> nationality(s);
            case "DOC" -> startDocument(s);
            case "CNT", "UNT" -> {
                leg = null;
                traveller = null;
                document = null;
            }
            default -> {
                // BGM, RFF, COM, CTA, MEA, GEI, FTX, EMP… carry nothing screening uses
            }
        }
    }

    private void startLeg(Segment s) {
        String number = s.value(2);
        if (number.isEmpty()) {
            throw s.refuse("flight leg without a flight number (TDT conveyance reference is empty)");
        }
        String carrier = s.value(5, 1);
        if (carrier.isEmpty() && number.matches("[A-Z0-9]{2}\\d{1,4}[A-Z]?")) {
            carrier = number.substring(0, 2);
        }
        leg = new LegDraft(carrier.isEmpty() ? null : carrier, number);
        legs.add(leg);
        traveller = null;
        document = null;
    }

    private void startParty(Segment s) {
        leg = null;
        document = null;
        traveller = null;
        Traveller.Role role = switch (s.value(1)) {
            case "FL", "DDT" -> Traveller.Role.PASSENGER;
            case "FM", "DDU" -> Traveller.Role.CREW;
            default -> null; // MS, the reporting party, and other parties are not travellers
        };
        if (role == null) {
            return;
        }
        List<String> name = s.components(4);
        if (name.isEmpty() || name.getFirst().isEmpty()) {
            throw s.refuse((role == Traveller.Role.CREW ? "crew member" : "passenger")
                    + " without a surname (NAD party name is empty)");
        }
        List<String> given = name.subList(1, name.size()).stream().filter(n -> !n.isEmpty()).toList();
        traveller = new TravellerDraft(role, name.getFirst(), given);
        travellers.add(traveller);
    }

    private void location(Segment s) {
        String qualifier = s.value(1);
        String place = s.value(2, 1).isEmpty() ? s.value(2, 4) : s.value(2, 1);
        if (leg != null) {
            switch (qualifier) {
                case "125" -> leg.departure(place, true);
                case "87" -> leg.arrival(place, true);
                case "92" -> {
                    if (leg.from == null) {
                        leg.departure(place, false);
                    } else {
                        leg.arrival(place, false);
                    }
                }
                default -> {
                    // other places of a leg are not kept
                }
            }
            return;
        }
        if (traveller == null) {
            return;
        }
        switch (qualifier) {
            case "91" -> {
                if (document == null) {
                    irregularities.add(s.irregularity("place of document issue outside a DOC group ignored"));
                } else {
                    document.issuingCountry = once(s, document.issuingCountry, country(s, place, "issuing country"),
                            "issuing country");
                }
            }
            case "174" -> traveller.residence = once(s, traveller.residence, place, "country of residence");
            case "178" -> traveller.embarkation = once(s, traveller.embarkation, place, "place of embarkation");
            case "179" -> traveller.disembarkation = once(s, traveller.disembarkation, place,
                    "place of disembarkation");
            case "180" -> traveller.birthPlace = once(s, traveller.birthPlace, place, "place of birth");
            default -> {
                // LOC+22 (customs clearance) and others are not kept
            }
        }
    }

    private void date(Segment s) {
        String qualifier = s.value(1, 1);
        String value = s.value(1, 2);
        String format = s.value(1, 3);
        if (leg != null) {
            switch (qualifier) {
                case "189" -> leg.departs = once(s, leg.departs, dateTime(s, value, format, "departure time"),
                        "departure time");
                case "232" -> leg.arrives = once(s, leg.arrives, dateTime(s, value, format, "arrival time"),
                        "arrival time");
                default -> {
                    // other dates of a leg are not kept
                }
            }
            return;
        }
        if (traveller == null) {
            return;
        }
        if (qualifier.equals("329")) {
            try {
                traveller.birthDate = once(s, traveller.birthDate,
                        BirthDate.exact(ShortDates.birth(value, referenceDay)), "date of birth");
            } catch (IllegalArgumentException e) {
                throw s.refuse("date of birth '" + value + "' " + e.getMessage());
            }
        } else if (qualifier.equals("36")) {
            if (document == null) {
                irregularities.add(s.irregularity("document expiry outside a DOC group ignored"));
                return;
            }
            try {
                document.expiry = once(s, document.expiry, ShortDates.day(value, referenceDay), "document expiry");
            } catch (IllegalArgumentException e) {
                throw s.refuse("document expiry '" + value + "' " + e.getMessage());
            }
        }
    }

    private LocalDateTime dateTime(Segment s, String value, String format, String what) {
        try {
            return ShortDates.dateTime(value, format, referenceDay);
        } catch (IllegalArgumentException e) {
            throw s.refuse(what + " '" + value + "' " + e.getMessage());
        }
    }

    private void attribute(Segment s) {
        if (traveller == null || !s.value(1).equals("2")) {
            return; // ATT qualifier 2 is gender; no other attribute is used
        }
        String code = s.value(3, 1);
        Subject.Gender gender = switch (code) {
            case "M" -> Subject.Gender.MALE;
            case "F" -> Subject.Gender.FEMALE;
            case "U", "X" -> Subject.Gender.UNKNOWN;
            default -> throw s.refuse("gender '" + code + "' is not M, F, U or X");
        };
        traveller.gender = once(s, traveller.gender, gender, "gender");
    }

    private void nationality(Segment s) {
        if (traveller == null) {
            return;
        }
        String code = s.value(2, 1);
        traveller.nationality = once(s, traveller.nationality, country(s, code, "nationality"), "nationality");
    }

    /** Alpha-2 lower case; an unknown but well-formed code (XXA stateless, UNO…) is left empty and noted. */
    private String country(Segment s, String code, String what) {
        if (code.isEmpty()) {
            return null;
        }
        if (!code.matches("[A-Za-z]{1,3}")) {
            throw s.refuse(what + " '" + code + "' is not a country code");
        }
        String upper = code.toUpperCase(Locale.ROOT);
        String alpha2 = ICAO_CODES.containsKey(upper) ? ICAO_CODES.get(upper) : Countries.code(upper).orElse(null);
        if (alpha2 == null) {
            irregularities.add(s.irregularity(what + " '" + code + "' names no ISO 3166 country; left empty"));
        }
        return alpha2;
    }

    private void startDocument(Segment s) {
        if (traveller == null) {
            throw s.refuse("travel document outside a traveller (no NAD+FL or NAD+FM before it)");
        }
        String type = s.value(1, 1);
        String number = s.value(2, 1);
        if (type.isEmpty()) {
            throw s.refuse("travel document without a document type");
        }
        if (number.isEmpty()) {
            throw s.refuse("travel document without a number");
        }
        document = new DocumentDraft(type, number);
        traveller.documents.add(document);
    }

    /** The value, refusing a second one for a field a traveller, leg or document has once. */
    private static <T> T once(Segment s, T current, T value, String what) {
        if (current != null) {
            String owner = what.contains("time") ? "flight leg"
                    : what.contains("issuing") || what.contains("expiry") ? "document" : "traveller";
            throw s.refuse("a second " + what + " for the same " + owner);
        }
        return value;
    }

    private static final class LegDraft {
        final String carrier;
        final String number;
        String from;
        String to;
        LocalDateTime departs;
        LocalDateTime arrives;
        boolean crossesBorder;

        LegDraft(String carrier, String number) {
            this.carrier = carrier;
            this.number = number;
        }

        void departure(String place, boolean border) {
            from = place;
            crossesBorder |= border;
        }

        void arrival(String place, boolean border) {
            to = place;
            crossesBorder |= border;
        }

        Flight flight() {
            return new Flight(carrier, number, from, departs, to, arrives);
        }
    }

    private static final class TravellerDraft {
        final Traveller.Role role;
        final String surname;
        final List<String> given;
        final List<DocumentDraft> documents = new ArrayList<>();
        Subject.Gender gender;
        BirthDate birthDate;
        String nationality;
        String residence;
        String birthPlace;
        String embarkation;
        String disembarkation;

        TravellerDraft(Traveller.Role role, String surname, List<String> given) {
            this.role = role;
            this.surname = surname;
            this.given = given;
        }

        Traveller traveller(int position) {
            List<String> parts = new ArrayList<>(given);
            parts.add(surname);
            return new Traveller(position, role, surname, given, String.join(" ", parts), gender, birthDate,
                    nationality, residence, birthPlace, embarkation, disembarkation,
                    documents.stream().map(DocumentDraft::document).toList());
        }
    }

    private static final class DocumentDraft {
        final String type;
        final String number;
        String issuingCountry;
        LocalDate expiry;

        DocumentDraft(String type, String number) {
            this.type = type;
            this.number = number;
        }

        TravelDocument document() {
            return new TravelDocument(type, number, issuingCountry, expiry);
        }
    }
}
