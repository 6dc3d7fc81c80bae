package org.fusioncell.monitoring;

import org.fusioncell.shared.Area;

/**
 * What a watch looks for. One criterion per watch keeps a watch explainable ("this alert is here
 * because the report names X"); several watches cover several subjects.
 */
public sealed interface WatchCriterion {

    /** The criterion's kind as written in the API ({@code entity}, {@code name}…). */
    String kind();

    /** The criterion as stored and shown in the API: its kind and fields. */
    default java.util.Map<String, Object> asMap() {
        WatchCriterion c = this;
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("kind", c.kind());
        switch (c) {
            case OnEntity e -> m.put("entityId", e.entityId());
            case OnName n -> m.put("name", n.name());
            case OnIdentifier i -> {
                m.put("key", i.key());
                m.put("written", i.written());
            }
            case OnText t -> m.put("query", t.query());
            case OnTag t -> m.put("tag", t.tag());
            case OnArea a -> {
                if (a.area() instanceof Area.Circle circle) {
                    m.put("latitude", circle.latitude());
                    m.put("longitude", circle.longitude());
                    m.put("radiusKm", circle.radiusKm());
                } else if (a.area() instanceof Area.Polygon polygon) {
                    m.put("geometry", java.util.Map.of("type", "Polygon", "coordinates",
                            java.util.List.of(polygon.ring().stream().map(p -> java.util.List.of(p[0], p[1])).toList())));
                }
            }
            case OnIncidentType t -> m.put("attackType", t.attackType());
            case OnGroup g -> m.put("group", g.group());
        }
        return m;
    }

    /** A recorded entity: anything new about it (mentions, links, changes, merges). */
    record OnEntity(String entityId) implements WatchCriterion {
        public String kind() {
            return "entity";
        }
    }

    /** A person's name, matched across scripts and romanisations by the names engine. */
    record OnName(String name) implements WatchCriterion {
        public String kind() {
            return "name";
        }
    }

    /** An identifier (phone, e-mail, document, account…) by its normalised key; {@code written} as entered. */
    record OnIdentifier(String key, String written) implements WatchCriterion {
        public String kind() {
            return "identifier";
        }
    }

    /** A full-text query in the search syntax, in any of the three languages. */
    record OnText(String query) implements WatchCriterion {
        public String kind() {
            return "text";
        }
    }

    /** A {@code taxonomy:value} tag on reports. */
    record OnTag(String tag) implements WatchCriterion {
        public String kind() {
            return "tag";
        }
    }

    /** Reports and incidents placed inside an area. */
    record OnArea(Area area) implements WatchCriterion {
        public String kind() {
            return "area";
        }
    }

    /** Incidents of one attack type (a code of the incident vocabulary). */
    record OnIncidentType(String attackType) implements WatchCriterion {
        public String kind() {
            return "incident-type";
        }
    }

    /** A group: incidents attributed to it and reports or entities naming it. */
    record OnGroup(String group) implements WatchCriterion {
        public String kind() {
            return "group";
        }
    }
}
