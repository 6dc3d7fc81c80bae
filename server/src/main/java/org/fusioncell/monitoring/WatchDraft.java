package org.fusioncell.monitoring;

import java.util.List;
import java.util.Map;

/**
 * A watch as submitted (API body or form): {@code criterion} holds the kind and its fields as written,
 * e.g. {@code {kind: name, name: "…"}}, {@code {kind: area, geometry: {GeoJSON Polygon}}} or
 * {@code {kind: area, latitude, longitude, radiusKm}}. Validated into a {@link WatchCriterion}.
 */
public record WatchDraft(String name, Map<String, Object> criterion, String severity, Boolean shared,
                         List<String> recipientUserIds, List<String> recipientOrganisationIds,
                         Integer escalateAfterMinutes, Boolean active) {
}
