package org.fusioncell.screening.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;

/**
 * A passenger or crew member of a PAXLST message (segment group 4: NAD, ATT, DTM, LOC, NAT, DOC…).
 *
 * @param position 1-based order of the traveller in the message
 * @param fullName given names then surname, as a list would write it
 * @param birthDate DTM+329, or null when not sent
 * @param nationality NAT, ISO 3166 alpha-2 lower case, or null when not sent or not a country
 * @param residence LOC+174 as sent (usually an alpha-3 country code), or null
 * @param birthPlace LOC+180 as sent (a code or a place name), or null
 * @param embarkation LOC+178, or null
 * @param disembarkation LOC+179, or null
 */
public record Traveller(int position, Role role, String surname, List<String> givenNames, String fullName,
                        Subject.Gender gender, BirthDate birthDate, String nationality, String residence,
                        String birthPlace, String embarkation, String disembarkation,
                        List<TravelDocument> documents) {

    /** NAD qualifiers: FL passenger, FM crew; DDT and DDU are in-transit passenger and crew. */
    public enum Role { PASSENGER, CREW }

    public Traveller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(surname, "surname");
        givenNames = List.copyOf(givenNames);
        gender = gender == null ? Subject.Gender.UNKNOWN : gender;
        documents = List.copyOf(documents);
    }

    /** The traveller as the names engine screens it: full name, birth date, nationality, gender, document numbers. */
    public Subject subject(String id) {
        return new Subject(id, Subject.Kind.PERSON, List.of(fullName),
                birthDate == null ? List.of() : List.of(birthDate),
                nationality == null ? Set.of() : Set.of(nationality), gender,
                documents.stream().map(TravelDocument::number).collect(Collectors.toSet()));
    }
}
