package org.fusioncell.monitoring.incidents.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.intake.Report;

/**
 * The incident form as the browser posts it; the marking fields are the reports' (the picker is shared).
 * Sources are one per line.
 */
public class IncidentPageForm extends MarkingPageFields {

    public IncidentPageForm() {
        super("AMBER");
    }

    private String date;
    private String endDate;
    private String placeName;
    private String country;
    private String admin1;
    private Double latitude;
    private Double longitude;
    private String attackType;
    private String targetType;
    private String weapon;
    private String perpetratorGroup;
    private Integer fatalities = 0;
    private Integer injuries = 0;
    private String sources;
    private String description;
    private String reportId;

    /**
     * Pre-filled from a report the user has opened: its day, place and coordinates, and its marking (with the
     * report's owner named when it is another organisation, so the owner keeps sight of what was drawn from it).
     */
    static IncidentPageForm from(Report r, ClassificationScheme scheme, String authorOrganisationId) {
        IncidentPageForm f = new IncidentPageForm();
        f.reportId = r.id();
        f.date = r.occurredAt() == null ? LocalDate.now(ZoneOffset.UTC).toString()
                : r.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (r.place() != null) {
            f.placeName = r.place().name();
            f.latitude = r.place().latitude();
            f.longitude = r.place().longitude();
        }
        f.sources = r.id();
        Marking m = r.marking();
        f.fill(m, scheme);
        // the report's owner stays in the audience; the author's own organisation need not be named
        List<String> orgs = new ArrayList<>(f.getOrganisations());
        if (!m.ownerOrganisation().equals(authorOrganisationId) && !orgs.contains(m.ownerOrganisation())) {
            orgs.add(m.ownerOrganisation());
        }
        orgs.remove(authorOrganisationId);
        f.setOrganisations(orgs);
        return f;
    }


    IncidentForm toForm() {
        List<String> sourceList = sources == null ? List.of()
                : sources.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new IncidentForm(date, endDate, null, placeName, country, admin1, null, latitude, longitude,
                attackType, targetType, weapon, perpetratorGroup, null, fatalities, injuries, sourceList,
                toMarkingForm(), reportId == null || reportId.isBlank() ? null : reportId, description);
    }

    /** The input an error belongs to, from the field the check names. */
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
            default -> f;
        };
    }

    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String v) { endDate = v; }
    public String getPlaceName() { return placeName; }
    public void setPlaceName(String v) { placeName = v; }
    public String getCountry() { return country; }
    public void setCountry(String v) { country = v; }
    public String getAdmin1() { return admin1; }
    public void setAdmin1(String v) { admin1 = v; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double v) { latitude = v; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double v) { longitude = v; }
    public String getAttackType() { return attackType; }
    public void setAttackType(String v) { attackType = v; }
    public String getTargetType() { return targetType; }
    public void setTargetType(String v) { targetType = v; }
    public String getWeapon() { return weapon; }
    public void setWeapon(String v) { weapon = v; }
    public String getPerpetratorGroup() { return perpetratorGroup; }
    public void setPerpetratorGroup(String v) { perpetratorGroup = v; }
    public Integer getFatalities() { return fatalities; }
    public void setFatalities(Integer v) { fatalities = v; }
    public Integer getInjuries() { return injuries; }
    public void setInjuries(Integer v) { injuries = v; }
    public String getSources() { return sources; }
    public void setSources(String v) { sources = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getReportId() { return reportId; }
    public void setReportId(String v) { reportId = v; }
}
