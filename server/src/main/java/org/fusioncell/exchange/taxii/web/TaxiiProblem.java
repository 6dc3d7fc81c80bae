package org.fusioncell.exchange.taxii.web;

import java.util.List;
import java.util.Map;

/** An answer TAXII clients read as an error message resource (TAXII 2.1 §3.6.1). */
class TaxiiProblem extends RuntimeException {

    final int status;
    final String title;
    final List<Map<String, Object>> details;

    TaxiiProblem(int status, String title, String description) {
        this(status, title, description, List.of());
    }

    TaxiiProblem(int status, String title, String description, List<Map<String, Object>> details) {
        super(description);
        this.status = status;
        this.title = title;
        this.details = details;
    }
}
