package org.fusioncell.entities.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.fusioncell.entities.Entities;
import org.fusioncell.entities.EntityLink;
import org.fusioncell.entities.LinkType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads links whose own marking and both ends the reader may see: three predicates, all in the SQL. */
final class Links {

    static final String INFORMATION_TYPE = "entity-link";

    private Links() {
    }

    static List<EntityLink> visibleLinks(JdbcClient jdbc, Markings markings, Reader reader, String condition,
                                         Map<String, Object> conditionParams) {
        SqlPredicate link = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "l.marking_id");
        SqlPredicate from = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "f.marking_id");
        SqlPredicate to = VisibilityFilter.visible(reader, Entities.INFORMATION_TYPE, "t.marking_id");
        Map<String, Object> params = new HashMap<>(link.params());
        params.putAll(conditionParams);
        record Row(EntityLink link, String markingId) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT l.id, l.from_entity_id, f.label AS from_label, l.to_entity_id, t.label AS to_label,
                            l.link_type, l.report_id, l.confidence, l.valid_from, l.valid_to, l.marking_id, l.created_at
                        FROM entity_link l JOIN entity f ON f.id = l.from_entity_id JOIN entity t ON t.id = l.to_entity_id
                        WHERE """ + " " + condition + " AND " + link.sql() + " AND " + from.sql() + " AND " + to.sql()
                        + " ORDER BY l.created_at, l.id LIMIT 1000")
                .params(params)
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
        Map<String, Marking> marks = markings.findAll(rows.stream().map(Row::markingId).toList());
        return rows.stream().map(r -> {
            EntityLink l = r.link();
            return new EntityLink(l.id(), l.fromEntityId(), l.fromLabel(), l.toEntityId(), l.toLabel(), l.type(),
                    l.reportId(), l.confidence(), l.validFrom(), l.validTo(), marks.get(r.markingId()), l.createdAt());
        }).toList();
    }
}
