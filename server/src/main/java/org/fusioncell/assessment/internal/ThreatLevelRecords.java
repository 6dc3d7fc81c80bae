package org.fusioncell.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.AccessPolicy;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.Assessments;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.assessment.ThreatLevel;
import org.fusioncell.assessment.ThreatLevels;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threat levels, one record per disseminated assessment of an area or sector; the newest one not
 * withdrawn is a scope's current level. Each record carries its assessment's marking: a reader who may
 * not see that assessment gets the scope and its public summary, never the internal level or the
 * assessment's id. The set of scopes is not secret (they are areas and sectors, not subjects).
 */
@Service
class ThreatLevelRecords implements ThreatLevels {

    private final JdbcClient jdbc;
    private final Markings markings;
    private final AuditLog audit;

    ThreatLevelRecords(JdbcClient jdbc, Markings markings, AuditLog audit) {
        this.jdbc = jdbc;
        this.markings = markings;
        this.audit = audit;
    }

    void set(Assessment a, String markingId, Reader by, Instant at) {
        jdbc.sql("""
                INSERT INTO assessment_threat_level (id, scope_type, scope_key, scope_label, level, assessment_id,
                    marking_id, public_summary, set_at, set_by_user_id, set_by_organisation_id)
                VALUES (:id, :type, :key, :label, :level, :assessment, :marking, :summary, :at, :by, :org)""")
                .param("id", Ids.newId()).param("type", a.subject().type().name()).param("key", a.subject().reference())
                .param("label", a.subject().label()).param("level", a.threatLevel()).param("assessment", a.id())
                .param("marking", markingId).param("summary", a.publicSummary()).param("at", Timestamp.from(at))
                .param("by", by.userId()).param("org", by.organisationId()).update();
    }

    void withdraw(String assessmentId, Instant at) {
        jdbc.sql("UPDATE assessment_threat_level SET withdrawn_at = :at WHERE assessment_id = :id AND withdrawn_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", assessmentId).update();
    }

    private record Row(SubjectType type, String key, String label, String level, String assessmentId, String markingId,
                       String publicSummary, Instant setAt, String organisationId) {
    }

    @Override
    @Transactional
    public List<ThreatLevel> current(Reader reader) {
        List<Row> rows = jdbc.sql("""
                SELECT t.* FROM assessment_threat_level t
                WHERE t.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM assessment_threat_level n
                    WHERE n.scope_type = t.scope_type AND n.scope_key = t.scope_key AND n.withdrawn_at IS NULL
                      AND (n.set_at > t.set_at OR (n.set_at = t.set_at AND n.id > t.id)))
                ORDER BY t.scope_type, t.scope_key""").query(ThreatLevelRecords::row).list();
        List<ThreatLevel> out = cut(reader, rows);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Assessments.INFORMATION_TYPE, shownAssessments(out)).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "threat-levels")));
        return out;
    }

    @Override
    @Transactional
    public List<ThreatLevel> history(Reader reader, SubjectType scopeType, String scopeKey) {
        if (scopeType != SubjectType.AREA && scopeType != SubjectType.SECTOR) {
            throw new InvalidInputException("scopeType", "AREA or SECTOR");
        }
        List<Row> rows = jdbc.sql("SELECT * FROM assessment_threat_level WHERE scope_type = :type AND scope_key = :key"
                        + " ORDER BY set_at DESC, id DESC").param("type", scopeType.name())
                .param("key", scopeType == SubjectType.AREA ? scopeKey.toUpperCase(java.util.Locale.ROOT) : scopeKey)
                .query(ThreatLevelRecords::row).list();
        List<ThreatLevel> out = cut(reader, rows);
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                Assessments.INFORMATION_TYPE, shownAssessments(out)).withPurpose(reader.purpose())
                .withDetails(Map.of("view", "threat-level-history", "scope", scopeType + ":" + scopeKey)));
        return out;
    }

    private List<ThreatLevel> cut(Reader reader, List<Row> rows) {
        Map<String, Marking> found = markings.findAll(rows.stream().map(Row::markingId).distinct().toList());
        List<ThreatLevel> out = new ArrayList<>();
        for (Row r : rows) {
            Marking m = found.get(r.markingId());
            boolean sees = m != null && AccessPolicy.decide(reader, Assessments.INFORMATION_TYPE, m).visible();
            if (!sees && r.publicSummary() == null) {
                continue; // nothing this reader may read about that scope
            }
            out.add(new ThreatLevel(r.type(), r.key(), r.label(), sees ? r.level() : null, sees ? r.assessmentId() : null,
                    r.publicSummary(), r.setAt(), r.organisationId()));
        }
        return out;
    }

    private static List<String> shownAssessments(List<ThreatLevel> levels) {
        return levels.stream().map(ThreatLevel::assessmentId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(SubjectType.valueOf(rs.getString("scope_type")), rs.getString("scope_key"),
                rs.getString("scope_label"), rs.getString("level"), rs.getString("assessment_id"),
                rs.getString("marking_id"), rs.getString("public_summary"), rs.getTimestamp("set_at").toInstant(),
                rs.getString("set_by_organisation_id"));
    }
}
