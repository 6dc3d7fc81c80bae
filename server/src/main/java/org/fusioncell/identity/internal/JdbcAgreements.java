package org.fusioncell.identity.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.identity.internal.StoredAgreement.AgreementKind;
import org.fusioncell.identity.internal.StoredAgreement.AgreementStatus;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcAgreements {

    private static final String COLUMNS =
            "id, title, kind, valid_from, valid_until, status, max_classification, onward_sharing";
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAgreements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<StoredAgreement> find(String id) {
        if (!Ids.isWellFormed(id)) {
            return Optional.empty();
        }
        return load("SELECT " + COLUMNS + " FROM identity_agreement WHERE id = :id", Map.of("id", id)).stream()
                .findFirst();
    }

    public boolean exists(String id) {
        return Ids.isWellFormed(id) && jdbc.sql("SELECT COUNT(*) FROM identity_agreement WHERE id = :id")
                .param("id", id).query(Long.class).single() > 0;
    }

    public Page<StoredAgreement> page(PageRequest request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM identity_agreement").query(Long.class).single();
        return Page.of(load("SELECT " + COLUMNS + " FROM identity_agreement ORDER BY title, id LIMIT :limit OFFSET :offset",
                Map.of("limit", request.size(), "offset", request.offset())), request, total);
    }

    /** Agreements in force on {@code day} to which the organisation is a party. */
    public List<StoredAgreement> inForceFor(String organisationId, LocalDate day) {
        return load("SELECT " + COLUMNS + " FROM identity_agreement a WHERE a.status = 'ACTIVE'"
                        + " AND (a.valid_from IS NULL OR a.valid_from <= :day)"
                        + " AND (a.valid_until IS NULL OR a.valid_until >= :day)"
                        + " AND EXISTS (SELECT 1 FROM identity_agreement_party p WHERE p.agreement_id = a.id"
                        + " AND p.organisation_id = :org) ORDER BY a.id",
                Map.of("day", Date.valueOf(day), "org", organisationId));
    }

    /** Every agreement the organisation is a party to, by title. */
    public List<StoredAgreement> ofParty(String organisationId) {
        return load("SELECT " + COLUMNS + " FROM identity_agreement a WHERE EXISTS (SELECT 1 FROM"
                + " identity_agreement_party p WHERE p.agreement_id = a.id AND p.organisation_id = :org)"
                + " ORDER BY a.title, a.id", Map.of("org", organisationId));
    }

    private List<StoredAgreement> load(String sql, Map<String, ?> params) {
        List<Object[]> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Object[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4), rs.getDate(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8)}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        Map<String, Set<String>> parties = new HashMap<>();
        Map<String, Set<String>> scope = new HashMap<>();
        Map<String, List<String>> projects = new HashMap<>();
        jdbc.sql("SELECT agreement_id, organisation_id FROM identity_agreement_party WHERE agreement_id IN (:ids)"
                        + " ORDER BY organisation_id").param("ids", ids)
                .query((rs, n) -> parties.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2)))
                .list();
        jdbc.sql("SELECT agreement_id, information_type FROM identity_agreement_scope WHERE agreement_id IN (:ids)"
                        + " ORDER BY information_type").param("ids", ids)
                .query((rs, n) -> scope.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2)))
                .list();
        jdbc.sql("SELECT agreement_id, title FROM identity_agreement_project WHERE agreement_id IN (:ids)"
                        + " ORDER BY position").param("ids", ids)
                .query((rs, n) -> projects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        List<StoredAgreement> out = new ArrayList<>();
        for (Object[] r : rows) {
            String id = (String) r[0];
            out.add(new StoredAgreement(id, (String) r[1], AgreementKind.valueOf((String) r[2]),
                    r[3] == null ? null : ((Date) r[3]).toLocalDate(), r[4] == null ? null : ((Date) r[4]).toLocalDate(),
                    AgreementStatus.valueOf((String) r[5]), (String) r[6], (Boolean) r[7],
                    parties.getOrDefault(id, Set.of()), scope.getOrDefault(id, Set.of()),
                    projects.getOrDefault(id, List.of())));
        }
        return out;
    }

    void insert(StoredAgreement a) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO identity_agreement (id, title, kind, valid_from, valid_until, status, max_classification,
                    onward_sharing, created_at, updated_at)
                VALUES (:id, :title, :kind, :from, :until, :status, :max, :onward, :now, :now)""")
                .params(values(a)).param("now", now).update();
        insertChildren(a);
    }

    void update(StoredAgreement a) {
        jdbc.sql("""
                UPDATE identity_agreement SET title = :title, kind = :kind, valid_from = :from, valid_until = :until,
                    status = :status, max_classification = :max, onward_sharing = :onward, updated_at = :now
                WHERE id = :id""")
                .params(values(a)).param("now", Timestamp.from(clock.instant())).update();
        for (String table : List.of("identity_agreement_party", "identity_agreement_scope", "identity_agreement_project")) {
            jdbc.sql("DELETE FROM " + table + " WHERE agreement_id = :id").param("id", a.id()).update();
        }
        insertChildren(a);
    }

    private static Map<String, Object> values(StoredAgreement a) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", a.id());
        v.put("title", a.title());
        v.put("kind", a.kind().name());
        v.put("from", a.validFrom() == null ? null : Date.valueOf(a.validFrom()));
        v.put("until", a.validUntil() == null ? null : Date.valueOf(a.validUntil()));
        v.put("status", a.status().name());
        v.put("max", a.maxClassification());
        v.put("onward", a.onwardSharing());
        return v;
    }

    private void insertChildren(StoredAgreement a) {
        for (String org : a.parties()) {
            jdbc.sql("INSERT INTO identity_agreement_party (agreement_id, organisation_id) VALUES (:a, :o)")
                    .param("a", a.id()).param("o", org).update();
        }
        for (String type : a.scope()) {
            jdbc.sql("INSERT INTO identity_agreement_scope (agreement_id, information_type) VALUES (:a, :t)")
                    .param("a", a.id()).param("t", type).update();
        }
        for (int i = 0; i < a.jointProjects().size(); i++) {
            jdbc.sql("INSERT INTO identity_agreement_project (agreement_id, position, title) VALUES (:a, :p, :t)")
                    .param("a", a.id()).param("p", i).param("t", a.jointProjects().get(i)).update();
        }
    }
}
