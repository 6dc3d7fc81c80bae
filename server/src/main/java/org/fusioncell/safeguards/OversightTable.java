package org.fusioncell.safeguards;

import java.util.List;
import java.util.Objects;

/**
 * A table of an oversight section. {@code id} names it: its title is the message {@code oversight.table.<id>}
 * and each column's heading the message {@code oversight.column.<column>}. Every row has one cell per column.
 */
public record OversightTable(String id, List<String> columns, List<List<OversightCell>> rows) {

    public OversightTable {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<OversightCell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row of " + row.size() + " cells under "
                        + columns.size() + " columns");
            }
        }
    }
}
