package org.fusioncell.monitoring.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusioncell.shared.Area;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.WatchCriterion;
import org.fusioncell.monitoring.WatchDraft;
import org.fusioncell.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watch editor's fields. One text field carries the criterion's value for most kinds; an
 * identifier has its type beside it; an area is a circle (three numbers) or a pasted GeoJSON polygon.
 */
public class WatchPageForm {

    /** Identifier types the form offers, with the attribute each one's value goes into. */
    static final Map<String, String> IDENTIFIER_ATTRIBUTE = Map.of("PHONE", "number", "EMAIL", "address", "URL", "url",
            "FINANCIAL_ACCOUNT", "iban");

    private String name;
    private String kind = "name";
    private String value;
    private String identifierType = "PHONE";
    private String latitude;
    private String longitude;
    private String radiusKm;
    private String geometry;
    private String severity = "MEDIUM";
    private boolean shared;
    private List<String> recipientOrganisationIds = new ArrayList<>();
    private String escalateAfterMinutes;
    private int version;

    WatchDraft toDraft(JsonMapper json) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        switch (kind == null ? "" : kind) {
            case "entity" -> c.put("entityId", value);
            case "text" -> c.put("query", value);
            case "tag" -> c.put("tag", value);
            case "group" -> c.put("group", value);
            case "incident-type" -> c.put("attackType", value);
            case "identifier" -> {
                String type = identifierType == null ? "" : identifierType.toUpperCase(Locale.ROOT);
                c.put("type", type);
                c.put("attributes", Map.of(IDENTIFIER_ATTRIBUTE.getOrDefault(type, "value"), value == null ? "" : value));
            }
            case "area" -> {
                if (geometry != null && !geometry.isBlank()) {
                    try {
                        c.put("geometry", json.readValue(geometry, new TypeReference<Map<String, Object>>() {
                        }));
                    } catch (JacksonException e) {
                        throw new InvalidInputException("criterion.geometry", "is not valid GeoJSON (JSON could not be read)");
                    }
                } else {
                    c.put("latitude", latitude);
                    c.put("longitude", longitude);
                    c.put("radiusKm", radiusKm);
                }
            }
            default -> c.put("name", value);
        }
        Integer escalate = null;
        if (escalateAfterMinutes != null && !escalateAfterMinutes.isBlank()) {
            try {
                escalate = Integer.valueOf(escalateAfterMinutes.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("escalateAfterMinutes", "must be a whole number of minutes");
            }
        }
        return new WatchDraft(name, c, severity, shared, List.of(), recipientOrganisationIds, escalate, true);
    }

    static WatchPageForm of(Watch w, JsonMapper json) {
        WatchPageForm f = new WatchPageForm();
        f.name = w.name();
        f.kind = w.criterion().kind();
        f.severity = w.severity().name();
        f.shared = w.shared();
        f.recipientOrganisationIds = new ArrayList<>(w.recipientOrganisationIds());
        f.escalateAfterMinutes = w.escalateAfter() == null ? null : String.valueOf(w.escalateAfter().toMinutes());
        f.version = w.version();
        switch (w.criterion()) {
            case WatchCriterion.OnEntity e -> f.value = e.entityId();
            case WatchCriterion.OnName n -> f.value = n.name();
            case WatchCriterion.OnText t -> f.value = t.query();
            case WatchCriterion.OnTag t -> f.value = t.tag();
            case WatchCriterion.OnGroup g -> f.value = g.group();
            case WatchCriterion.OnIncidentType t -> f.value = t.attackType();
            case WatchCriterion.OnIdentifier i -> {
                f.value = i.written();
                f.identifierType = i.key().contains(":") ? i.key().substring(0, i.key().indexOf(':')).toUpperCase(Locale.ROOT)
                        : "PHONE";
            }
            case WatchCriterion.OnArea a -> {
                if (a.area() instanceof Area.Circle circle) {
                    f.latitude = String.valueOf(circle.latitude());
                    f.longitude = String.valueOf(circle.longitude());
                    f.radiusKm = String.valueOf(circle.radiusKm());
                } else {
                    f.geometry = json.writeValueAsString(w.criterion().asMap().get("geometry"));
                }
            }
        }
        return f;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getIdentifierType() { return identifierType; }
    public void setIdentifierType(String identifierType) { this.identifierType = identifierType; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public String getRadiusKm() { return radiusKm; }
    public void setRadiusKm(String radiusKm) { this.radiusKm = radiusKm; }
    public String getGeometry() { return geometry; }
    public void setGeometry(String geometry) { this.geometry = geometry; }
    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity; }
    public boolean isShared() { return shared; }
    public void setShared(boolean shared) { this.shared = shared; }
    public List<String> getRecipientOrganisationIds() { return recipientOrganisationIds; }
    public void setRecipientOrganisationIds(List<String> ids) { this.recipientOrganisationIds = ids == null ? new ArrayList<>() : ids; }
    public String getEscalateAfterMinutes() { return escalateAfterMinutes; }
    public void setEscalateAfterMinutes(String minutes) { this.escalateAfterMinutes = minutes; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
