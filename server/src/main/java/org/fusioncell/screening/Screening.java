package org.fusioncell.screening;

import java.util.List;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.screening.manifest.Manifest;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Screening people against the lists the reader may see. A single query answers at once and stores
 * nothing but its audit record; a batch file or a manifest is stored as a run whose people are kept
 * for rescreening and whose candidates become hits to review ({@link Hits}). Runs, their people and
 * their hits carry {@code marking} (null: TLP:AMBER+STRICT owned by the reader's organisation).
 */
public interface Screening {

    String INFORMATION_TYPE = "screening";

    /** Candidates at or above {@code threshold} (null: the configured one), best first; audited as search. */
    ScreeningResult query(Reader reader, ScreeningQuery query, @Nullable Double threshold);

    /** Screens every row; {@code ordinals} are the rows' line numbers in the file (for the reader's reference). */
    ScreeningRun screenBatch(Reader reader, @Nullable String sourceName, List<Integer> ordinals,
                             List<ScreeningQuery> rows, @Nullable Marking marking, @Nullable Double threshold);

    /** Screens every traveller of every message; one run per message, in file order. */
    List<ScreeningRun> screenManifests(Reader reader, @Nullable String sourceName, List<Manifest> manifests,
                                       @Nullable Marking marking, @Nullable Double threshold);

    Page<ScreeningRun> runs(Reader reader, ScreeningRun.@Nullable Kind kind, PageRequest page);

    long countRuns(Reader reader, ScreeningRun.@Nullable Kind kind);

    ScreeningAccess<ScreeningRun> run(Reader reader, String runId);

    /** The people of a run in file order, with how many hits each has. */
    ScreeningAccess<Page<ScreenedSubject>> subjects(Reader reader, String runId, PageRequest page);
}
