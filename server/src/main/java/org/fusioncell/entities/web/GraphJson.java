package org.fusioncell.entities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingView;
import org.fusioncell.access.Tlp;
import org.fusioncell.entities.Graph;

/**
 * JSON shapes of the link-analysis endpoints. Every element carries its own marking, and the chart its
 * {@code banner}: the highest of what it shows (top level, most restrictive TLP, ORCON and every caveat
 * present), so a chart exported from the page keeps the markings of what is on it.
 */
final class GraphJson {

    private GraphJson() {
    }

    record MarkingJson(String classification, String tlp, boolean originatorControl, Set<String> caveats,
                       String ownerOrganisation, String banner) {
    }

    record Node(String id, String type, String label, MarkingJson marking) {
    }

    record Edge(String id, String from, String to, String type, double confidence, String reportId,
                LocalDate validFrom, LocalDate validTo, MarkingJson marking) {
    }

    record Chart(String entityId, List<Node> nodes, List<Edge> edges, boolean truncated, String banner) {
    }

    record Moment(Instant at, String kind, String basis, String reportId, String linkId, String linkType,
                  String otherEntityId, String otherLabel, MarkingJson marking) {
    }

    record Timeline(String entityId, List<Moment> items, String banner) {
    }

    static MarkingJson of(Marking m, ClassificationScheme scheme) {
        MarkingView v = MarkingView.of(m, scheme);
        return new MarkingJson(v.classification(), v.tlp(), v.originatorControl(), v.caveats(), v.ownerOrganisation(),
                v.banner());
    }

    static Chart of(String entityId, Graph.Chart c, ClassificationScheme scheme) {
        List<Marking> shown = new ArrayList<>();
        c.nodes().forEach(n -> shown.add(n.marking()));
        c.edges().forEach(e -> shown.add(e.marking()));
        return new Chart(entityId,
                c.nodes().stream().map(n -> new Node(n.id(), n.type().name(), n.label(), of(n.marking(), scheme))).toList(),
                c.edges().stream().map(e -> new Edge(e.id(), e.fromEntityId(), e.toEntityId(), e.type().name(),
                        e.confidence(), e.reportId(), e.validFrom(), e.validTo(), of(e.marking(), scheme))).toList(),
                c.truncated(), banner(shown, scheme));
    }

    static Timeline of(String entityId, Marking entityMarking, List<Graph.Moment> moments, ClassificationScheme scheme) {
        List<Marking> shown = new ArrayList<>(List.of(entityMarking));
        moments.forEach(m -> shown.add(m.marking()));
        return new Timeline(entityId, moments.stream().map(m -> new Moment(m.at(), m.kind().name(), m.basis().name(),
                m.reportId(), m.linkId(), m.linkType() == null ? null : m.linkType().name(), m.otherEntityId(),
                m.otherLabel(), of(m.marking(), scheme))).toList(), banner(shown, scheme));
    }

    /** The highest marking among {@code shown}, as one banner line ("SECRET // TLP:RED // ORCON // EYES"). */
    static String banner(List<Marking> shown, ClassificationScheme scheme) {
        int rank = 0;
        Tlp tlp = Tlp.CLEAR;
        boolean orcon = false;
        TreeSet<String> caveats = new TreeSet<>();
        for (Marking m : shown) {
            rank = Math.max(rank, m.classificationRank());
            tlp = m.tlp().ordinal() > tlp.ordinal() ? m.tlp() : tlp; // declared from least to most restrictive
            orcon |= m.originatorControl();
            caveats.addAll(m.caveats());
        }
        List<String> parts = new ArrayList<>(List.of(EntityView.level(scheme, rank), tlp.label()));
        if (orcon) {
            parts.add("ORCON");
        }
        parts.addAll(caveats);
        return String.join(" // ", parts);
    }
}
