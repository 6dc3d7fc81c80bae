package org.fusioncell.screening;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.jspecify.annotations.Nullable;

/**
 * A person to screen: their names (the first as given; others are aliases), and what else is known.
 * Nationalities are ISO 3166 alpha-2 codes, lower case.
 */
public record ScreeningQuery(List<String> names, @Nullable BirthDate birthDate, Set<String> nationalities,
                             Subject.Gender gender, List<SubjectDocument> documents) {

    public ScreeningQuery {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a screening query needs a name");
        }
        nationalities = nationalities == null ? Set.of() : Set.copyOf(nationalities);
        gender = gender == null ? Subject.Gender.UNKNOWN : gender;
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static ScreeningQuery named(String name) {
        return new ScreeningQuery(List.of(name), null, Set.of(), Subject.Gender.UNKNOWN, List.of());
    }

    /** The query as the names engine screens it. */
    public Subject subject(String id) {
        return new Subject(id, Subject.Kind.PERSON, names, birthDate == null ? List.of() : List.of(birthDate),
                nationalities, gender, documents.stream().map(SubjectDocument::number).collect(Collectors.toSet()));
    }
}
