package org.fusioncell.monitoring.incidents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured vocabularies of incident fields ({@code fusioncell.incidents.vocabularies}): attack type,
 * target type and weapon, each a list of codes; labels are message keys {@code incidents.<vocabulary>.<code>}.
 * Ideology-neutral on purpose: codes say what was done, to whom and with what, never a faith or a people.
 */
public final class IncidentVocabularies {

    public static final String ATTACK_TYPE = "attack-type";
    public static final String TARGET_TYPE = "target-type";
    public static final String WEAPON = "weapon";

    public static final Map<String, List<String>> DEFAULTS = Map.of(
            ATTACK_TYPE, List.of("armed-assault", "bombing", "assassination", "kidnapping", "hijacking",
                    "facility-attack", "unarmed-assault", "vehicle-ramming", "arson", "state-based", "non-state",
                    "one-sided", "other", "unknown"),
            TARGET_TYPE, List.of("government", "military", "police", "civilians", "business", "transport",
                    "religious-sites", "education", "infrastructure", "media", "ngo", "other", "unknown"),
            WEAPON, List.of("firearms", "explosives", "incendiary", "melee", "vehicle", "chemical", "biological",
                    "radiological", "drone", "other", "unknown"));

    private final Map<String, List<String>> vocabularies;

    public IncidentVocabularies(Map<String, List<String>> configured) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String name : List.of(ATTACK_TYPE, TARGET_TYPE, WEAPON)) {
            List<String> values = configured == null ? null : configured.get(name);
            copy.put(name, List.copyOf(values == null || values.isEmpty() ? DEFAULTS.get(name) : values));
        }
        this.vocabularies = Collections.unmodifiableMap(copy);
    }

    public List<String> values(String vocabulary) {
        return vocabularies.getOrDefault(vocabulary, List.of());
    }

    public boolean knows(String vocabulary, String code) {
        return code != null && values(vocabulary).contains(code);
    }

    public Map<String, List<String>> all() {
        return vocabularies;
    }
}
