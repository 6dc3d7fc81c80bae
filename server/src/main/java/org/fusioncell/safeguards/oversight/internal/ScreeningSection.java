package org.fusioncell.safeguards.oversight.internal;

import java.time.Instant;
import java.util.List;
import org.fusioncell.safeguards.OversightCell;
import org.fusioncell.safeguards.OversightSection;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.screening.ScreeningFigures;
import org.springframework.stereotype.Component;

/**
 * Screening hits found in the period and their outcomes, by list and by the screened person's nationality, with
 * the false-positive rate: dismissed hits among those decided (confirmed or dismissed). A rate far above the
 * others for one nationality is the question this table puts to the oversight body.
 */
@Component
class ScreeningSection implements OversightSection {

    private static final List<String> FIGURES = List.of("hits", "confirmed", "dismissed", "escalated", "pending",
            "false-positive-rate");

    private final ScreeningFigures figures;

    ScreeningSection(ScreeningFigures figures) {
        this.figures = figures;
    }

    @Override
    public String id() {
        return "screening";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<OversightTable> tables(Instant from, Instant to) {
        List<List<OversightCell>> lists = figures.byList(from, to).stream()
                .map(o -> row(new OversightCell.Text(o.label()), o)).toList();
        List<List<OversightCell>> nationalities = figures.byNationality(from, to).stream()
                .map(o -> row(o.key().isEmpty() ? new OversightCell.Term("oversight.nationality.none")
                        : new OversightCell.Text(o.key()), o)).toList();
        return List.of(new OversightTable("screening-lists", columns("list"), lists),
                new OversightTable("screening-nationalities", columns("nationality"), nationalities));
    }

    private static List<String> columns(String first) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), FIGURES.stream()).toList();
    }

    private static List<OversightCell> row(OversightCell label, ScreeningFigures.Outcomes o) {
        return List.of(label, new OversightCell.Count(o.hits()), new OversightCell.Count(o.confirmed()),
                new OversightCell.Count(o.dismissed()), new OversightCell.Count(o.escalated()),
                new OversightCell.Count(o.pending()), new OversightCell.Rate(o.falsePositiveRate()));
    }
}
