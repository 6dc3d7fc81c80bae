package org.fusioncell.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The marking picker's fields as a page form binds them (flat names: {@code classification},
 * {@code tlp}, {@code organisations}…), shared by every page that marks what it stores: a report, a
 * list import, an incident. Page forms extend it and add their own fields.
 */
public class MarkingPageFields {

    private String classification;
    private String tlp;
    private List<String> organisations = new ArrayList<>();
    private List<String> organisationTypes = new ArrayList<>();
    private List<String> agreements = new ArrayList<>();
    private List<String> users = new ArrayList<>();
    private boolean originatorControl;
    private String caveats;

    protected MarkingPageFields(String defaultTlp) {
        this.tlp = defaultTlp;
    }

    /** The marking as the access module checks it ({@link MarkingForm#toMarking}). */
    public MarkingForm toMarkingForm() {
        List<String> caveatList = caveats == null || caveats.isBlank() ? List.of()
                : Arrays.stream(caveats.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        return new MarkingForm(classification, tlp,
                new MarkingForm.ReleasabilityForm(organisations, organisationTypes, agreements, users),
                originatorControl, caveatList);
    }

    /** Prefills the picker with a stored marking (a level beyond the scheme shows as its highest). */
    protected void fill(Marking m, ClassificationScheme scheme) {
        classification = scheme.level(Math.min(m.classificationRank(), scheme.levels().size() - 1));
        tlp = m.tlp().name();
        organisations = new ArrayList<>(m.releasability().organisations());
        organisationTypes = new ArrayList<>(m.releasability().organisationTypes().stream().map(Enum::name).toList());
        agreements = new ArrayList<>(m.releasability().agreements());
        users = new ArrayList<>(m.releasability().users());
        originatorControl = m.originatorControl();
        caveats = String.join(", ", m.caveats().stream().sorted().toList());
    }

    /**
     * The picker's input that an error about {@code field} (as the marking check names it, indexes
     * removed: {@code marking.tlp}, {@code marking.releasability.organisations}…) belongs to, or null
     * when the field is not the marking's.
     */
    public static String markingInputFor(String field) {
        return switch (field) {
            case "marking", "marking.classification" -> "classification";
            case "marking.tlp", "marking.releasability.users" -> "tlp";
            case "marking.releasability.organisations", "marking.releasability.agreements" -> "organisations";
            case "marking.releasability.organisationTypes" -> "organisationTypes";
            case "marking.originatorControl" -> "originatorControl";
            case "marking.caveats" -> "caveats";
            default -> null;
        };
    }

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
