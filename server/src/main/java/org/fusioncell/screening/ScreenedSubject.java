package org.fusioncell.screening;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fusioncell.names.BirthDate;
import org.fusioncell.names.Subject;
import org.jspecify.annotations.Nullable;

/**
 * A person screened in a run, as stored for rescreening: the row of a batch file (its line number) or
 * the traveller of a manifest (their position in it).
 */
public record ScreenedSubject(String id, String runId, int ordinal, List<String> names, @Nullable BirthDate birthDate,
                              Set<String> nationalities, Subject.Gender gender, List<SubjectDocument> documents,
                              Instant screenedAt, int hits) {

    public ScreenedSubject {
        names = List.copyOf(names);
        nationalities = Set.copyOf(nationalities);
        documents = List.copyOf(documents);
    }

    public ScreeningQuery query() {
        return new ScreeningQuery(names, birthDate, nationalities, gender, documents);
    }
}
