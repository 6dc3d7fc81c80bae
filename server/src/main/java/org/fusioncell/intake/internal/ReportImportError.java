package org.fusioncell.intake.internal;

/**
 * One problem found while checking an import file: the physical line (1-based; 0 for the file as a
 * whole), the field as the API names it ({@code marking.tlp}) or {@code json}/{@code csv}/{@code mapping.…},
 * and the API's own wording of the problem. Never the submitted value.
 */
public record ReportImportError(long line, String field, String problem) {
}
