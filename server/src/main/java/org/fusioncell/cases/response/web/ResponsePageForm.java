package org.fusioncell.cases.response.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.cases.response.Responses;

/**
 * The open-response form as the browser posts it: agencies and command roles as parallel lists (one row each),
 * the marking fields the shared picker's.
 */
public class ResponsePageForm extends MarkingPageFields {
    private String templateCode;
    private String title;
    private String language;
    private String place;
    private String occurredAt;
    private String attackType;
    private String incidentId;
    private List<String> agencyOrganisation = new ArrayList<>();
    private List<String> agencySector = new ArrayList<>();
    private List<String> roleCode = new ArrayList<>();
    private List<String> roleUser = new ArrayList<>();

    public ResponsePageForm() {
        super("AMBER");
    }

    Responses.Opening toOpening() {
        List<Responses.Agency> agencies = new ArrayList<>();
        for (int i = 0; i < agencyOrganisation.size(); i++) {
            String org = agencyOrganisation.get(i);
            if (org != null && !org.isBlank()) {
                agencies.add(new Responses.Agency(org, i < agencySector.size() ? agencySector.get(i) : null));
            }
        }
        Map<String, String> roles = new LinkedHashMap<>();
        for (int i = 0; i < roleCode.size() && i < roleUser.size(); i++) {
            roles.put(roleCode.get(i), roleUser.get(i));
        }
        return new Responses.Opening(templateCode, title, language, place, occurredAt, attackType, incidentId,
                agencies, roles, toMarkingForm());
    }

    /** The input to point at for a refused field: agencies[2].sector → agency-sector-2, roles.x → role-x. */
    static String inputFor(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("agencies[")) {
            String index = field.replaceAll("^agencies\\[(\\d+)].*$", "$1");
            return (field.endsWith(".sector") ? "agency-sector-" : "agency-organisation-") + index;
        }
        if (field.startsWith("roles.")) {
            return "role-" + field.substring("roles.".length());
        }
        String marking = MarkingPageFields.markingInputFor(field);
        return marking != null ? marking : field;
    }

    public String getTemplateCode() { return templateCode; }
    public void setTemplateCode(String v) { templateCode = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String v) { occurredAt = v; }
    public String getAttackType() { return attackType; }
    public void setAttackType(String v) { attackType = v; }
    public String getIncidentId() { return incidentId; }
    public void setIncidentId(String v) { incidentId = v; }
    public List<String> getAgencyOrganisation() { return agencyOrganisation; }
    public void setAgencyOrganisation(List<String> v) { agencyOrganisation = v == null ? new ArrayList<>() : v; }
    public List<String> getAgencySector() { return agencySector; }
    public void setAgencySector(List<String> v) { agencySector = v == null ? new ArrayList<>() : v; }
    public List<String> getRoleCode() { return roleCode; }
    public void setRoleCode(List<String> v) { roleCode = v == null ? new ArrayList<>() : v; }
    public List<String> getRoleUser() { return roleUser; }
    public void setRoleUser(List<String> v) { roleUser = v == null ? new ArrayList<>() : v; }
}
