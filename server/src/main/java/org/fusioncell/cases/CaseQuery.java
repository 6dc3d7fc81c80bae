package org.fusioncell.cases;

/** List filters, each optional: words in the title or summary, a status, a kind. */
public record CaseQuery(String text, CaseStatus status, CaseKind kind) {

    public static CaseQuery all() {
        return new CaseQuery(null, null, null);
    }
}
