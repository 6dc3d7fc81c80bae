package org.fusioncell.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A marking as shown to people and written to JSON: level names instead of ranks, and the banner
 * line that heads every page and export carrying the item ("SECRET // TLP:AMBER // ORCON // EYES").
 */
public record MarkingView(String classification, String tlp, boolean originatorControl, Set<String> caveats,
                          ReleasabilityView releasability, String ownerOrganisation, String banner) {

    public record ReleasabilityView(Set<String> organisations, Set<String> organisationTypes,
                                    Set<String> agreements, Set<String> users) {
    }

    public static MarkingView of(Marking m, ClassificationScheme scheme) {
        String level = m.classificationRank() < scheme.levels().size()
                ? scheme.level(m.classificationRank()) : scheme.highest();
        List<String> parts = new ArrayList<>(List.of(level, m.tlp().label()));
        if (m.originatorControl()) {
            parts.add("ORCON");
        }
        parts.addAll(new TreeSet<>(m.caveats()));
        Releasability r = m.releasability();
        TreeSet<String> types = new TreeSet<>();
        r.organisationTypes().forEach(t -> types.add(t.name()));
        return new MarkingView(level, m.tlp().label(), m.originatorControl(), new TreeSet<>(m.caveats()),
                new ReleasabilityView(new TreeSet<>(r.organisations()), types, new TreeSet<>(r.agreements()),
                        new TreeSet<>(r.users())),
                m.ownerOrganisation(), String.join(" // ", parts));
    }
}
