package org.fusioncell.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.audit.AuditQuery;
import org.fusioncell.audit.AuditRecords;
import org.fusioncell.audit.LoggedAuditRecord;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Filters and pages in SQL; object ids through the {@code audit_record_object} index. */
@Service
class JdbcAuditRecords implements AuditRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    JdbcAuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<LoggedAuditRecord> search(AuditQuery q, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "actor_user_id = :actor", "actor", q.actorUserId());
        condition(where, params, "actor_organisation_id = :org", "org", q.organisationId());
        condition(where, params, "action = :action", "action", q.action() == null ? null : q.action().name());
        condition(where, params, "object_type = :type", "type", q.objectType());
        condition(where, params, "seq IN (SELECT o.seq FROM audit_record_object o WHERE o.object_id = :oid)", "oid",
                q.objectId());
        condition(where, params, "occurred_at >= :from", "from",
                q.from() == null ? null : OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        condition(where, params, "occurred_at < :to", "to",
                q.to() == null ? null : OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_record" + filter).params(params)
                .query(Long.class).single();
        List<LoggedAuditRecord> items = jdbc.sql("SELECT " + StoredAuditRecord.COLUMNS + " FROM audit_record" + filter
                        + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(StoredAuditRecord::read).list().stream().map(JdbcAuditRecords::logged).toList();
        return Page.of(items, page, total);
    }

    @Override
    public List<LoggedAuditRecord> after(long afterSeq, int limit) {
        return jdbc.sql("SELECT " + StoredAuditRecord.COLUMNS + " FROM audit_record WHERE seq > :seq ORDER BY seq"
                        + " LIMIT :limit")
                .param("seq", afterSeq).param("limit", limit).query(StoredAuditRecord::read).list().stream()
                .map(JdbcAuditRecords::logged).toList();
    }

    @Override
    public List<AuditCount> count(java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("SELECT actor_organisation_id, action, COUNT(*) FROM audit_record WHERE occurred_at >= :from"
                        + " AND occurred_at < :to GROUP BY actor_organisation_id, action"
                        + " ORDER BY actor_organisation_id, action")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> new AuditCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    private static void condition(List<String> where, Map<String, Object> params, String sql, String name,
                                  Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.add(sql);
            params.put(name, value);
        }
    }

    private static LoggedAuditRecord logged(StoredAuditRecord r) {
        List<String> ids = r.objectIds() == null || r.objectIds().isEmpty() ? List.of()
                : Arrays.asList(r.objectIds().split(","));
        return new LoggedAuditRecord(r.seq(), r.id(), r.occurredAt(), r.action(), r.actorUserId(),
                r.actorOrganisationId(), r.objectType(), ids, r.purpose(), r.justification(), r.outcome(),
                details(r.details()), r.hash());
    }

    /** A tampered row must still be shown: unreadable details come back as they are. */
    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JacksonException | IllegalArgumentException e) {
            return Map.of("unreadable", String.valueOf(json));
        }
    }
}
