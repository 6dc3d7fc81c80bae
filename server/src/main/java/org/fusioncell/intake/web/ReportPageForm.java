package org.fusioncell.intake.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.intake.Report;

/**
 * The contribute and edit forms as the browser posts them. Agreements and named users have no picker
 * yet; they travel in hidden fields so that editing a report never drops them silently.
 */
public class ReportPageForm extends MarkingPageFields {

    public ReportPageForm() {
        super("AMBER");
    }

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private String title;
    private String body;
    private String occurredAt;
    private String placeName;
    private Double latitude;
    private Double longitude;
    private String sourceReliability = "F";
    private Integer informationCredibility = 6;
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
        f.fill(r.marking(), scheme);
        f.tags = new ArrayList<>(r.tags());
        f.version = r.version();
        return f;
    }

    ReportForm toReportForm() {
        String occurred = occurredAt == null || occurredAt.isBlank() ? null
                : (occurredAt.length() == 16 ? occurredAt + ":00Z" : occurredAt);
        return new ReportForm(title, body, occurred,
                new ReportForm.PlaceForm(placeName, latitude, longitude),
                new ReportForm.GradingForm(sourceReliability, informationCredibility),
                toMarkingForm(), null, tags, version, reason);
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
        String marking = MarkingPageFields.markingInputFor(f);
        if (marking != null) {
            return marking;
        }
        return switch (f) {
            case "place.name" -> "placeName";
            case "place.latitude" -> "latitude";
            case "place.longitude" -> "longitude";
            case "grading", "grading.sourceReliability" -> "sourceReliability";
            case "grading.informationCredibility" -> "informationCredibility";
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
    public List<String> getTags() { return tags; }
    public void setTags(List<String> v) { tags = v == null ? new ArrayList<>() : v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
