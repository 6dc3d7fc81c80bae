package org.fusioncell.screening;

import java.time.Instant;
import java.util.List;
import org.fusioncell.names.BirthDate;
import org.jspecify.annotations.Nullable;

/**
 * A hit that may be about a person who asked for redress: when and by which organisation the person was
 * screened, as whom (masked when the run is depersonalised), against which list entry, and how alike the
 * screened person is to the one asking ({@code likeness} in [0, 1]).
 */
public record PersonHit(String hitId, String runId, ScreeningRun.Kind runKind, Instant screenedAt,
                        String organisationId, List<String> screenedNames, @Nullable BirthDate screenedBirthDate,
                        boolean depersonalised, String listId, String listName, String entryReference,
                        String matchedName, double score, HitState state, double likeness) {

    public PersonHit {
        screenedNames = List.copyOf(screenedNames);
    }
}
