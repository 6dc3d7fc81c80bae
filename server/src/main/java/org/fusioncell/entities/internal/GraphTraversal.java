package org.fusioncell.entities.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.Entity;
import org.fusioncell.entities.EntityLink;
import org.fusioncell.entities.Graph;
import org.fusioncell.entities.LinkType;
import org.fusioncell.intake.ReportAccess;
import org.fusioncell.intake.Reports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Breadth-first traversal, one query per hop over the links touching the frontier. The reader's
 * predicate is applied in that query to the link and to both of its ends, so the far entity of a
 * link the reader may not follow is never fetched, let alone counted.
 */
@Service
class GraphTraversal implements Graph {

    /** Links read per hop: a hub with more is shown in part and the chart is marked truncated. */
    static final int LINKS_PER_HOP = 5000;
    private static final int TIMELINE_CAP = 200;

    private final JdbcClient jdbc;
    private final Markings markings;
    private final JdbcEntities entities;
    private final Reports reports;
    private final AuditLog audit;

    GraphTraversal(JdbcClient jdbc, Markings markings, JdbcEntities entities, Reports reports, AuditLog audit) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.entities = entities;
        this.reports = reports;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Chart neighbourhood(Reader reader, Entity start, int hops) {
        if (hops < 1 || hops > MAX_HOPS) {
            throw new IllegalArgumentException("hops must be 1.." + MAX_HOPS);
        }
        Map<String, Entity> nodes = new LinkedHashMap<>();
        nodes.put(start.id(), start);
        Map<String, EntityLink> edges = new LinkedHashMap<>();
        List<String> frontier = List.of(start.id());
        boolean truncated = false;
        for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
            Step step = step(reader, frontier);
            truncated |= step.capped();
            Set<String> reached = new LinkedHashSet<>();
            for (EntityLink l : step.links()) {
                for (String end : List.of(l.fromEntityId(), l.toEntityId())) {
                    if (!nodes.containsKey(end) && !reached.contains(end)) {
                        if (nodes.size() + reached.size() < NODE_CAP) {
                            reached.add(end);
                        } else {
                            truncated = true;
                        }
                    }
                }
            }
            fetch(reader, reached).forEach(e -> nodes.put(e.id(), e));
            for (EntityLink l : step.links()) {
                if (nodes.containsKey(l.fromEntityId()) && nodes.containsKey(l.toEntityId())) {
                    edges.putIfAbsent(l.id(), l);
                }
            }
            frontier = reached.stream().filter(nodes::containsKey).toList();
        }
        Chart chart = new Chart(List.copyOf(nodes.values()), List.copyOf(edges.values()), truncated);
        audited(reader, chart, Map.of("view", "neighbourhood", "of", start.id(), "hops", String.valueOf(hops)));
        return chart;
    }

    @Override
    @Transactional
    public Optional<Chart> path(Reader reader, Entity from, Entity to) {
        Map<String, EntityLink> via = new HashMap<>();
        Set<String> seen = new HashSet<>(Set.of(from.id()));
        List<String> frontier = List.of(from.id());
        for (int depth = 0; depth < MAX_PATH_DEPTH && !frontier.isEmpty() && !seen.contains(to.id()); depth++) {
            Set<String> current = new HashSet<>(frontier);
            List<String> next = new ArrayList<>();
            for (EntityLink l : step(reader, frontier).links()) {
                for (String[] ends : List.of(new String[] {l.fromEntityId(), l.toEntityId()},
                        new String[] {l.toEntityId(), l.fromEntityId()})) {
                    if (current.contains(ends[0]) && seen.add(ends[1])) {
                        via.put(ends[1], l);
                        next.add(ends[1]);
                    }
                }
            }
            frontier = next;
        }
        Map<String, String> details = Map.of("view", "path", "from", from.id(), "to", to.id());
        if (!seen.contains(to.id())) {
            audited(reader, new Chart(List.of(from, to), List.of(), false), details);
            return Optional.empty();
        }
        List<EntityLink> chain = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of(to.id()));
        for (String at = to.id(); !at.equals(from.id()); ) {
            EntityLink l = via.get(at);
            chain.addFirst(l);
            at = l.fromEntityId().equals(at) ? l.toEntityId() : l.fromEntityId();
            ids.addFirst(at);
        }
        Map<String, Entity> found = new HashMap<>();
        fetch(reader, ids).forEach(e -> found.put(e.id(), e));
        List<Entity> nodes = ids.stream().map(found::get).toList();
        if (nodes.contains(null)) {
            return Optional.empty(); // an entity changed under the traversal: no partial path
        }
        Chart chart = new Chart(nodes, chain, false);
        audited(reader, chart, details);
        return Optional.of(chart);
    }

    @Override
    @Transactional
    public Chart commonNeighbours(Reader reader, Entity a, Entity b) {
        Step step = step(reader, List.of(a.id(), b.id()));
        Map<String, List<EntityLink>> ofA = new LinkedHashMap<>();
        Map<String, List<EntityLink>> ofB = new HashMap<>();
        for (EntityLink l : step.links()) {
            note(l, a.id(), ofA);
            note(l, b.id(), ofB);
        }
        List<String> common = ofA.keySet().stream()
                .filter(id -> ofB.containsKey(id) && !id.equals(a.id()) && !id.equals(b.id())).toList();
        boolean truncated = step.capped() || common.size() > NODE_CAP - 2;
        List<Entity> nodes = new ArrayList<>(List.of(a, b));
        nodes.addAll(fetch(reader, common.stream().limit(NODE_CAP - 2).toList()));
        Set<String> shown = new HashSet<>();
        nodes.forEach(n -> shown.add(n.id()));
        List<EntityLink> edges = new ArrayList<>();
        for (Entity n : nodes.subList(2, nodes.size())) {
            edges.addAll(ofA.get(n.id()));
            ofB.get(n.id()).stream().filter(l -> !edges.contains(l)).forEach(edges::add);
        }
        Chart chart = new Chart(nodes, edges.stream().filter(l -> shown.contains(l.fromEntityId())
                && shown.contains(l.toEntityId())).toList(), truncated);
        audited(reader, chart, Map.of("view", "common-neighbours", "of", a.id(), "and", b.id()));
        return chart;
    }

    private static void note(EntityLink l, String centre, Map<String, List<EntityLink>> into) {
        String other = l.fromEntityId().equals(centre) ? l.toEntityId()
                : l.toEntityId().equals(centre) ? l.fromEntityId() : null;
        if (other != null) {
            into.computeIfAbsent(other, k -> new ArrayList<>()).add(l);
        }
    }

    @Override
    @Transactional
    public List<Moment> timeline(Reader reader, Entity entity) {
        SqlPredicate visible = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "m.marking_id");
        record Seen(String reportId, Instant at, String markingId) {
        }
        List<Seen> mentions = jdbc.sql("SELECT m.report_id, m.created_at, m.marking_id FROM entity_mention m"
                        + " WHERE m.entity_id = :id AND " + visible.sql() + " ORDER BY m.created_at, m.id LIMIT :cap")
                .params(visible.params()).param("id", entity.id()).param("cap", TIMELINE_CAP)
                .query((rs, n) -> new Seen(rs.getString("report_id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("marking_id"))).list();
        Map<String, Marking> marks = markings.findAll(mentions.stream().map(Seen::markingId).toList());
        List<Moment> moments = new ArrayList<>();
        for (Seen m : mentions) {
            // the report's own dates when it opens without a justification; else the mention's date only
            Moment moment = new Moment(m.at(), Moment.Kind.MENTION, Moment.Basis.MENTIONED, m.reportId(), null, null,
                    null, null, marks.get(m.markingId()));
            if (reports.open(reader, m.reportId(), null) instanceof ReportAccess.Opened o) {
                var r = o.report();
                boolean occurred = r.occurredAt() != null;
                moment = new Moment(occurred ? r.occurredAt() : r.reportedAt(), Moment.Kind.MENTION,
                        occurred ? Moment.Basis.OCCURRED : Moment.Basis.REPORTED, m.reportId(), null, null, null, null,
                        r.marking());
            }
            moments.add(moment);
        }
        for (EntityLink l : step(reader, List.of(entity.id())).links().stream().limit(TIMELINE_CAP).toList()) {
            boolean outgoing = l.fromEntityId().equals(entity.id());
            boolean dated = l.validFrom() != null;
            moments.add(new Moment(dated ? l.validFrom().atStartOfDay().toInstant(ZoneOffset.UTC) : l.createdAt(),
                    Moment.Kind.LINK, dated ? Moment.Basis.VALID_FROM : Moment.Basis.RECORDED, l.reportId(), l.id(),
                    l.type(), outgoing ? l.toEntityId() : l.fromEntityId(), outgoing ? l.toLabel() : l.fromLabel(),
                    l.marking()));
        }
        moments.sort(Comparator.comparing(Moment::at).thenComparing(Moment::kind));
        List<String> ids = new ArrayList<>();
        moments.forEach(m -> ids.add(m.linkId() != null ? m.linkId() : m.reportId()));
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Entities.INFORMATION_TYPE, ids).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "timeline", "of", entity.id())));
        return List.copyOf(moments);
    }

    private void audited(Reader reader, Chart chart, Map<String, String> details) {
        List<String> ids = new ArrayList<>();
        chart.nodes().forEach(n -> ids.add(n.id()));
        chart.edges().forEach(e -> ids.add(e.id()));
        audit.record(AuditRecord.of(AuditAction.COMBINATION, reader.userId(), reader.organisationId(),
                Entities.INFORMATION_TYPE, ids).withPurpose(reader.purpose()).withDetails(details));
    }

    /** The visible entities among {@code ids}, in that order. */
    private List<Entity> fetch(Reader reader, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlPredicate visible = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "e.marking_id");
        List<Entity> found = entities.withMarkings(jdbc.sql("SELECT " + JdbcEntities.COLUMNS
                        + " FROM entity e WHERE e.id IN (:ids) AND " + visible.sql())
                .params(visible.params()).param("ids", List.copyOf(ids)).query(entities::row).list());
        Map<String, Entity> byId = new HashMap<>();
        found.forEach(e -> byId.put(e.id(), e));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private record Step(List<EntityLink> links, boolean capped) {
    }

    /**
     * The links touching the frontier whose own marking and both ends the reader may see. Two index
     * lookups (from, to) joined by UNION ALL rather than one OR, which some planners scan the table for.
     */
    private Step step(Reader reader, List<String> frontier) {
        SqlPredicate link = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "l.marking_id");
        SqlPredicate from = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "f.marking_id");
        SqlPredicate to = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "t.marking_id");
        String select = """
                SELECT l.id, l.from_entity_id, f.label AS from_label, l.to_entity_id, t.label AS to_label, l.link_type,
                    l.report_id, l.confidence, l.valid_from, l.valid_to, l.marking_id, l.created_at
                FROM entity_link l JOIN entity f ON f.id = l.from_entity_id JOIN entity t ON t.id = l.to_entity_id
                WHERE """;
        String access = " AND " + link.sql() + " AND " + from.sql() + " AND " + to.sql();
        Map<String, Object> params = new HashMap<>(link.params());
        record Row(EntityLink link, String markingId) {
        }
        List<Row> rows = jdbc.sql(select + " l.from_entity_id IN (:frontier)" + access + " UNION ALL " + select
                        + " l.to_entity_id IN (:frontier) AND l.from_entity_id NOT IN (:frontier)" + access
                        + " ORDER BY created_at, id LIMIT :cap")
                .params(params).param("frontier", frontier).param("cap", LINKS_PER_HOP + 1)
                .query((rs, n) -> {
                    java.sql.Date vf = rs.getDate("valid_from");
                    java.sql.Date vt = rs.getDate("valid_to");
                    return new Row(new EntityLink(rs.getString("id"), rs.getString("from_entity_id"),
                            rs.getString("from_label"), rs.getString("to_entity_id"), rs.getString("to_label"),
                            LinkType.valueOf(rs.getString("link_type")), rs.getString("report_id"),
                            rs.getDouble("confidence"), vf == null ? null : vf.toLocalDate(),
                            vt == null ? null : vt.toLocalDate(), null, rs.getTimestamp("created_at").toInstant()),
                            rs.getString("marking_id"));
                }).list();
        boolean capped = rows.size() > LINKS_PER_HOP;
        List<Row> kept = capped ? rows.subList(0, LINKS_PER_HOP) : rows;
        Map<String, Marking> marks = markings.findAll(kept.stream().map(Row::markingId).toList());
        return new Step(kept.stream().map(r -> {
            EntityLink l = r.link();
            return new EntityLink(l.id(), l.fromEntityId(), l.fromLabel(), l.toEntityId(), l.toLabel(), l.type(),
                    l.reportId(), l.confidence(), l.validFrom(), l.validTo(), marks.get(r.markingId()), l.createdAt());
        }).toList(), capped);
    }
}
