package org.fusioncell.screening.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusioncell.access.MarkingForm;

/**
 * The list import form as the browser posts it: the list's name and, for a new list, its marking in the
 * fields of the reports' marking picker ({@code intake/report-new :: marking}), whose names it shares.
 * A new list is unclassified TLP:CLEAR unless the importer chooses otherwise, as in the API.
 */
public class ListImportForm {

    private String name;
    private String classification;
    private String tlp = "CLEAR";
    private List<String> organisations = new ArrayList<>();
    private List<String> organisationTypes = new ArrayList<>();
    private List<String> agreements = new ArrayList<>();
    private List<String> users = new ArrayList<>();
    private boolean originatorControl;
    private String caveats;

    static ListImportForm withLevel(String lowest) {
        ListImportForm form = new ListImportForm();
        form.classification = lowest;
        return form;
    }

    MarkingForm toMarkingForm() {
        List<String> caveatList = caveats == null || caveats.isBlank() ? List.of()
                : Arrays.stream(caveats.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        return new MarkingForm(classification, tlp,
                new MarkingForm.ReleasabilityForm(organisations, organisationTypes, agreements, users),
                originatorControl, caveatList);
    }

    /** The input an error belongs to, from the field the marking check names ({@code marking.tlp}…). */
    static String inputFor(String field) {
        if (field == null) {
            return null;
        }
        String f = field.replaceAll("\\[\\d+]", "");
        return switch (f) {
            case "marking", "marking.classification" -> "classification";
            case "marking.releasability.organisations", "marking.releasability.agreements" -> "organisations";
            case "marking.releasability.organisationTypes" -> "organisationTypes";
            case "marking.releasability.users" -> "tlp";
            default -> f.contains(".") ? f.substring(f.lastIndexOf('.') + 1) : f;
        };
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getClassification() { return classification; }
    public void setClassification(String v) { classification = v; }
    public String getTlp() { return tlp; }
    public void setTlp(String v) { tlp = v; }
    public List<String> getOrganisations() { return organisations; }
    public void setOrganisations(List<String> v) { organisations = v == null ? new ArrayList<>() : v; }
    public List<String> getOrganisationTypes() { return organisationTypes; }
    public void setOrganisationTypes(List<String> v) { organisationTypes = v == null ? new ArrayList<>() : v; }
    public List<String> getAgreements() { return agreements; }
    public void setAgreements(List<String> v) { agreements = v == null ? new ArrayList<>() : v; }
    public List<String> getUsers() { return users; }
    public void setUsers(List<String> v) { users = v == null ? new ArrayList<>() : v; }
    public boolean isOriginatorControl() { return originatorControl; }
    public void setOriginatorControl(boolean v) { originatorControl = v; }
    public String getCaveats() { return caveats; }
    public void setCaveats(String v) { caveats = v; }
}
