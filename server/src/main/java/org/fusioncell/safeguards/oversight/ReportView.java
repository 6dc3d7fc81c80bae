package org.fusioncell.safeguards.oversight;

import java.util.List;

/**
 * An oversight report written out in its language, as every rendering shows it: titles, headings, notes and
 * cells as text. {@code direction} is {@code rtl} for Arabic.
 */
public record ReportView(String language, String direction, String title, String period, String generated,
                         List<SectionView> sections) {

    public record SectionView(String id, String title, List<TableView> tables) {
    }

    /** {@code note} says how the table counts (empty when it needs no note). */
    public record TableView(String id, String title, String note, List<String> columns, List<String> headings,
                            List<List<CellView>> rows) {
    }

    /** {@code figure}: a number, aligned as one; {@code raw}: the value as the CSV writes it. */
    public record CellView(String text, String raw, boolean figure) {
    }
}
