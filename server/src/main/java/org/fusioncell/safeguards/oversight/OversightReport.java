package org.fusioncell.safeguards.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fusioncell.safeguards.OversightTable;

/** The figures of one run of the oversight report: every section's tables for {@code [from, to)}. */
public record OversightReport(Instant from, Instant to, Locale language, Instant generatedAt, String generatedBy,
                              List<Section> sections) {

    public OversightReport {
        sections = List.copyOf(sections);
    }

    public record Section(String id, List<OversightTable> tables) {
        public Section {
            tables = List.copyOf(tables);
        }
    }
}
