package org.fusioncell.monitoring.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fusioncell.shared.Area;
import org.fusioncell.monitoring.Watch;
import org.fusioncell.monitoring.WatchCriterion.OnArea;
import org.fusioncell.monitoring.WatchCriterion.OnEntity;
import org.fusioncell.monitoring.WatchCriterion.OnGroup;
import org.fusioncell.monitoring.WatchCriterion.OnIdentifier;
import org.fusioncell.monitoring.WatchCriterion.OnIncidentType;
import org.fusioncell.monitoring.WatchCriterion.OnName;
import org.fusioncell.monitoring.WatchCriterion.OnTag;
import org.fusioncell.monitoring.WatchCriterion.OnText;
import org.fusioncell.names.NameSpotter;
import org.fusioncell.search.TextWatchSet;
import org.fusioncell.search.TextWatching;

/**
 * The active watches indexed by what they look for, so that an arriving item is matched against the
 * set (keys looked up, names spotted, queries percolated) and never each watch against all data.
 * Safe for concurrent matching while watches are added and removed.
 */
final class WatchSet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WatchSet.class);

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byEntity = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byIdentifier = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byTag = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byAttackType = new ConcurrentHashMap<>();
    private final Map<String, Area> areas = new ConcurrentHashMap<>();
    private final NameSpotter names;
    private final TextWatchSet texts;
    /** Group watches are phrase queries in their own set: the same analysis as search, any script. */
    private final TextWatchSet groups;

    WatchSet(TextWatching textWatching, NameSpotter names) {
        this.names = names;
        this.texts = textWatching.newSet();
        this.groups = textWatching.newSet();
    }

    int size() {
        return watches.size();
    }

    /**
     * Adds or replaces the watch; an inactive one is removed. A watch the engines refuse (saved before a
     * rule tightened) is left out and logged, rather than failing the whole set.
     */
    void put(Watch watch) {
        remove(watch.id());
        if (!watch.active()) {
            return;
        }
        try {
            index(watch);
        } catch (RuntimeException refused) {
            remove(watch.id());
            log.warn("watch {} is left out of evaluation: {}", watch.id(), refused.getClass().getSimpleName());
        }
    }

    private void index(Watch watch) {
        String id = watch.id();
        switch (watch.criterion()) {
            case OnEntity e -> index(byEntity, e.entityId(), id);
            case OnName n -> names.put(id, n.name());
            case OnIdentifier i -> index(byIdentifier, i.key(), id);
            case OnText t -> texts.put(id, t.query());
            case OnTag t -> index(byTag, t.tag(), id);
            case OnArea a -> areas.put(id, a.area());
            case OnIncidentType t -> index(byAttackType, t.attackType(), id);
            case OnGroup g -> groups.put(id, phrase(g.group()));
        }
        watches.put(id, watch);
    }

    void remove(String watchId) {
        Watch old = watches.remove(watchId);
        if (old == null) {
            return;
        }
        switch (old.criterion()) {
            case OnEntity e -> unindex(byEntity, e.entityId(), watchId);
            case OnName n -> names.remove(watchId);
            case OnIdentifier i -> unindex(byIdentifier, i.key(), watchId);
            case OnText t -> texts.remove(watchId);
            case OnTag t -> unindex(byTag, t.tag(), watchId);
            case OnArea a -> areas.remove(watchId);
            case OnIncidentType t -> unindex(byAttackType, t.attackType(), watchId);
            case OnGroup g -> groups.remove(watchId);
        }
    }

    /** Every watch the item satisfies, once each, with the first reason found. */
    List<WatchMatch> match(WatchedItem item) {
        Map<String, String> why = new LinkedHashMap<>();
        if (item.considers("entity")) {
            item.entityIds().forEach(e -> lookup(byEntity, e).forEach(id -> why.putIfAbsent(id, "entity")));
        }
        if (item.considers("identifier")) {
            item.identifierKeys().forEach(k -> lookup(byIdentifier, k).forEach(id -> why.putIfAbsent(id,
                    "identifier " + k)));
        }
        if (item.considers("tag")) {
            item.tags().forEach(t -> lookup(byTag, t).forEach(id -> why.putIfAbsent(id, "tag " + t)));
        }
        if (item.considers("incident-type") && item.attackType() != null) {
            lookup(byAttackType, item.attackType()).forEach(id -> why.putIfAbsent(id, "incident type " + item.attackType()));
        }
        if (item.considers("area") && item.latitude() != null && item.longitude() != null && !areas.isEmpty()) {
            double lat = item.latitude();
            double lon = item.longitude();
            areas.forEach((id, area) -> {
                double[] b = area.bounds();
                if (lat >= b[0] && lat <= b[2] && lon >= b[1] && lon <= b[3] && area.contains(lat, lon)) {
                    why.putIfAbsent(id, "place inside the area");
                }
            });
        }
        if (item.considers("name") && names.size() > 0) {
            if (item.text() != null || item.title() != null) {
                String all = join(item.title(), item.text());
                names.findIn(all).forEach(s -> why.putIfAbsent(s.watchId(), nameWhy(s)));
            }
            item.names().forEach(n -> names.compare(n).forEach(s -> why.putIfAbsent(s.watchId(), nameWhy(s))));
        }
        if (item.considers("text") && texts.size() > 0 && (item.title() != null || item.text() != null)) {
            texts.matching(nullToEmpty(item.title()), nullToEmpty(item.text()), item.language())
                    .forEach(id -> why.putIfAbsent(id, "text query"));
        }
        if (item.considers("group") && groups.size() > 0) {
            String groupText = join(item.group(), join(item.title(), item.text()));
            if (!groupText.isBlank()) {
                groups.matching(nullToEmpty(item.group()), join(item.title(), item.text()))
                        .forEach(id -> why.putIfAbsent(id, "group"));
            }
        }
        List<WatchMatch> out = new ArrayList<>();
        why.forEach((id, reason) -> {
            Watch w = watches.get(id);
            if (w != null) {
                out.add(new WatchMatch(w, reason));
            }
        });
        return out;
    }

    private static String nameWhy(NameSpotter.Spot s) {
        return String.format(Locale.ROOT, "name found as «%s» (score %.2f)", s.found(), s.score());
    }

    /** A group name as a phrase query: quotes and backslashes inside it are escaped. */
    static String phrase(String group) {
        return "\"" + group.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String join(String a, String b) {
        return (nullToEmpty(a) + "\n" + nullToEmpty(b)).strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Set<String> lookup(Map<String, Set<String>> index, String key) {
        return key == null ? Set.of() : index.getOrDefault(key, Set.of());
    }

    private static void index(Map<String, Set<String>> index, String key, String watchId) {
        index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(watchId);
    }

    private static void unindex(Map<String, Set<String>> index, String key, String watchId) {
        index.computeIfPresent(key, (k, ids) -> {
            ids.remove(watchId);
            return ids.isEmpty() ? null : ids;
        });
    }
}
