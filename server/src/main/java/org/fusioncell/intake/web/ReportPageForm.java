package org.fusioncell.intake.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.intake.Report;

/**
 * The contribute and edit forms as the browser posts them. Agreements and named users have no picker
 * yet; they travel in hidden fields so that editing a report never drops them silently.
 */
public class ReportPageForm {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String title;
    private String body;
    private String occurredAt;
    private String placeName;
    private Double latitude;
    private Double longitude;
    private String sourceReliability = "F";
    private Integer informationCredibility = 6;
    private String classification;
    private String tlp = "AMBER";
    private List<String> organisations = new ArrayList<>();
    private List<String> organisationTypes = new ArrayList<>();
    private List<String> agreements = new ArrayList<>();
    private List<String> users = new ArrayList<>();
    private boolean originatorControl;
    private String caveats;
    private List<String> tags = new ArrayList<>();
    private Integer version;
    private String reason;

    /** The form prefilled with a stored report, for editing its current version. */
    static ReportPageForm of(Report r, ClassificationScheme scheme) {
        ReportPageForm f = new ReportPageForm();
        f.title = r.title();
        f.body = r.body();
        f.occurredAt = r.occurredAt() == null ? null : LOCAL_MINUTES.format(r.occurredAt().atOffset(ZoneOffset.UTC));
        if (r.place() != null) {
            f.placeName = r.place().name();
            f.latitude = r.place().latitude();
            f.longitude = r.place().longitude();
        }
        f.sourceReliability = r.grading().reliability().name();
        f.informationCredibility = r.grading().credibility();
        Marking m = r.marking();
        f.classification = scheme.level(Math.min(m.classificationRank(), scheme.levels().size() - 1));
        f.tlp = m.tlp().name();
        f.organisations = new ArrayList<>(m.releasability().organisations());
        f.organisationTypes = new ArrayList<>(m.releasability().organisationTypes().stream().map(Enum::name).toList());
        f.agreements = new ArrayList<>(m.releasability().agreements());
        f.users = new ArrayList<>(m.releasability().users());
        f.originatorControl = m.originatorControl();
        f.caveats = String.join(", ", m.caveats().stream().sorted().toList());
        f.tags = new ArrayList<>(r.tags());
        f.version = r.version();
        return f;
    }

    ReportForm toReportForm() {
        String occurred = occurredAt == null || occurredAt.isBlank() ? null
                : (occurredAt.length() == 16 ? occurredAt + ":00Z" : occurredAt);
        List<String> caveatList = caveats == null || caveats.isBlank() ? List.of()
                : Arrays.stream(caveats.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        return new ReportForm(title, body, occurred,
                new ReportForm.PlaceForm(placeName, latitude, longitude),
                new ReportForm.GradingForm(sourceReliability, informationCredibility),
                new MarkingForm(classification, tlp,
                        new MarkingForm.ReleasabilityForm(organisations, organisationTypes, agreements, users),
                        originatorControl, caveatList),
                null, tags, version, reason);
    }

    /**
     * The input an error belongs to, from the field the check names ({@code marking.tlp},
     * {@code tags[2]}, {@code marking.releasability.organisations[0]}…), so the page can show it there.
     */
    static String inputFor(String field) {
        if (field == null) {
            return null;
        }
        String f = field.replaceAll("\\[\\d+]", "");
        return switch (f) {
            case "place.name" -> "placeName";
            case "place.latitude" -> "latitude";
            case "place.longitude" -> "longitude";
            case "grading", "grading.sourceReliability" -> "sourceReliability";
            case "grading.informationCredibility" -> "informationCredibility";
            case "marking", "marking.classification" -> "classification";
            case "marking.tlp" -> "tlp";
            case "marking.releasability.organisations", "marking.releasability.agreements" -> "organisations";
            case "marking.releasability.organisationTypes" -> "organisationTypes";
            case "marking.releasability.users" -> "tlp";
            case "marking.originatorControl" -> "originatorControl";
            case "marking.caveats" -> "caveats";
            default -> f.contains(".") ? f.substring(f.lastIndexOf('.') + 1) : f;
        };
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String v) { occurredAt = v; }
    public String getPlaceName() { return placeName; }
    public void setPlaceName(String v) { placeName = v; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double v) { latitude = v; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double v) { longitude = v; }
    public String getSourceReliability() { return sourceReliability; }
    public void setSourceReliability(String v) { sourceReliability = v; }
    public Integer getInformationCredibility() { return informationCredibility; }
    public void setInformationCredibility(Integer v) { informationCredibility = v; }
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
    public List<String> getTags() { return tags; }
    public void setTags(List<String> v) { tags = v == null ? new ArrayList<>() : v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
