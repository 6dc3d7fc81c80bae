package org.fusioncell.screening.web;

import org.fusioncell.access.MarkingPageFields;

/**
 * The list import form as the browser posts it: the list's name and, for a new list, its marking in the
 * fields of the reports' marking picker ({@code intake/report-new :: marking}), whose names it shares.
 * A new list is unclassified TLP:CLEAR unless the importer chooses otherwise, as in the API.
 */
public class ListImportForm extends MarkingPageFields {

    public ListImportForm() {
        super("CLEAR");
    }

    private String name;

    static ListImportForm withLevel(String lowest) {
        ListImportForm form = new ListImportForm();
        form.setClassification(lowest);
        return form;
    }


    /** The input an error belongs to, from the field the marking check names ({@code marking.tlp}…). */
    static String inputFor(String field) {
        if (field == null) {
            return null;
        }
        String f = field.replaceAll("\\[\\d+]", "");
        String marking = MarkingPageFields.markingInputFor(f);
        if (marking != null) {
            return marking;
        }
        return switch (f) {
            default -> f.contains(".") ? f.substring(f.lastIndexOf('.') + 1) : f;
        };
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
}
