package org.fusioncell.names;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Someone or something that names are matched for: a listed entry or a screened traveller. Only what
 * matching uses: every name (any script), dates of birth, nationalities (ISO 3166 alpha-2, lower
 * case, see {@link Countries}), gender and identity document numbers.
 *
 * @param id the caller's reference (a list entry's own id, an input row number)
 */
public record Subject(String id, Kind kind, List<String> names, List<BirthDate> birthDates,
                      Set<String> nationalities, Gender gender, Set<String> documents) {

    public enum Kind { PERSON, ORGANISATION, VESSEL, AIRCRAFT, UNKNOWN }

    public enum Gender { FEMALE, MALE, UNKNOWN }

    public Subject {
        Objects.requireNonNull(id, "id");
        kind = kind == null ? Kind.UNKNOWN : kind;
        names = List.copyOf(names);
        birthDates = birthDates == null ? List.of() : List.copyOf(birthDates);
        nationalities = nationalities == null ? Set.of() : Set.copyOf(nationalities);
        gender = gender == null ? Gender.UNKNOWN : gender;
        documents = documents == null ? Set.of() : Set.copyOf(documents);
    }

    /** A query with a name only. */
    public static Subject named(String id, String name) {
        return new Subject(id, Kind.UNKNOWN, List.of(name), List.of(), Set.of(), Gender.UNKNOWN, Set.of());
    }
}
