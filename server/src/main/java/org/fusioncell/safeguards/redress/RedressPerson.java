package org.fusioncell.safeguards.redress;

import java.util.List;
import java.util.Set;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.fusioncell.screening.ScreeningQuery;
import org.fusioncell.screening.SubjectDocument;
import org.jspecify.annotations.Nullable;

/**
 * The person a redress request is about, as they give themselves: names in any script (the first is the one
 * the letter is addressed to), date of birth, nationality (ISO alpha-2, lower case) and a document number.
 */
public record RedressPerson(List<String> names, @Nullable BirthDate birthDate, @Nullable String nationality,
                            @Nullable String document) {

    public RedressPerson {
        names = List.copyOf(names);
    }

    /** The person as the screening module compares them with those it screened. */
    public ScreeningQuery query() {
        return new ScreeningQuery(names, birthDate, nationality == null ? Set.of() : Set.of(nationality),
                Subject.Gender.UNKNOWN, document == null ? List.of() : List.of(new SubjectDocument("", document, null)));
    }
}
