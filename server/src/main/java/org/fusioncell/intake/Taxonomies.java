package org.fusioncell.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured tag vocabularies ({@code fusioncell.intake.taxonomies}): taxonomy → values, in
 * order. A tag is written {@code taxonomy:value}; labels are message keys {@code tag.<taxonomy>.<value>}.
 * Threat types are ideology-neutral on purpose: they name affiliation or motive, never a faith or people.
 */
public final class Taxonomies {

    public static final Map<String, List<String>> DEFAULTS = defaults();

    private final Map<String, List<String>> taxonomies;

    public Taxonomies(Map<String, List<String>> configured) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (configured == null || configured.isEmpty() ? DEFAULTS : configured)
                .forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.taxonomies = Collections.unmodifiableMap(copy);
    }

    public Map<String, List<String>> all() {
        return taxonomies;
    }

    public boolean knows(String tag) {
        if (tag == null) {
            return false;
        }
        int colon = tag.indexOf(':');
        if (colon < 1) {
            return false;
        }
        List<String> values = taxonomies.get(tag.substring(0, colon));
        return values != null && values.contains(tag.substring(colon + 1));
    }

    /** Every tag as {@code taxonomy:value}, taxonomy by taxonomy. */
    public List<String> tags() {
        List<String> all = new ArrayList<>();
        taxonomies.forEach((t, values) -> values.forEach(v -> all.add(t + ":" + v)));
        return all;
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        d.put("threat-type", List.of("isil-affiliated", "al-qaida-affiliated", "racially-or-ethnically-motivated",
                "anti-government", "bio", "cyber", "other"));
        d.put("modus-operandi", List.of("armed-assault", "ied", "vehicle-ramming", "kidnapping", "arson",
                "online-propaganda", "financing", "recruitment", "travel"));
        d.put("target-sector", List.of("government", "security-forces", "transport", "education", "religious-sites",
                "civilians", "energy", "telecommunications"));
        return Collections.unmodifiableMap(d);
    }
}
