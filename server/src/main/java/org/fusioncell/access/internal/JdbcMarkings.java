package org.fusioncell.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Markings;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.Tlp;
import org.fusioncell.access.VisibilityFilter;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcMarkings implements Markings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DataSource dataSource;

    JdbcMarkings(JdbcClient jdbc, Clock clock, DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /**
     * Markings are content-addressed: equal markings share one row (its id is a digest of the
     * content), so the SQL predicate is evaluated once per distinct marking, however many items carry it.
     */
    @Override
    @Transactional // a marking row without its terms would release the item more widely than written
    public String save(Marking marking) {
        String id = MarkingDigest.of(marking);
        Seen seen = seenInThisTransaction();
        if (seen != null && seen.ids.contains(id)) {
            return id;
        }
        boolean known = jdbc.sql("SELECT COUNT(*) FROM access_marking WHERE id = :id").param("id", id)
                .query(Long.class).single() > 0;
        if (seen != null) {
            seen.ids.add(id); // from here on known to this transaction, whether found or inserted below
        }
        if (known) {
            return id;
        }
        // ON CONFLICT DO NOTHING: a concurrent save of the same marking is not an error (H2 and PostgreSQL)
        jdbc.sql("""
                INSERT INTO access_marking (id, classification_rank, tlp, originator_control, owner_organisation_id, created_at)
                VALUES (:id, :rank, :tlp, :orcon, :owner, :at) ON CONFLICT DO NOTHING""")
                .param("id", id).param("rank", marking.classificationRank()).param("tlp", marking.tlp().name())
                .param("orcon", marking.originatorControl()).param("owner", marking.ownerOrganisation())
                .param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        Releasability r = marking.releasability();
        insertTerms(id, "ORG", r.organisations());
        insertTerms(id, "ORG_TYPE", r.organisationTypes().stream().map(Enum::name).toList());
        insertTerms(id, "AGREEMENT", r.agreements());
        insertTerms(id, "USER", r.users());
        insertTerms(id, "CAVEAT", marking.caveats());
        return id;
    }

    /**
     * The markings this transaction has saved or found: a bulk import saves the same few markings
     * thousands of times. Scoped to the transaction, because a marking inserted here is not visible to
     * others until commit: bound under a key naming the transaction's connection, so an inner
     * REQUIRES_NEW transaction (another connection) never sees the outer one's set.
     */
    private record Seen(Set<String> ids) {
    }

    private record SeenKey(JdbcMarkings owner, Object connection) {
    }

    private Seen seenInThisTransaction() {
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        SeenKey key = new SeenKey(this, connection);
        Seen seen = (Seen) TransactionSynchronizationManager.getResource(key);
        if (seen == null) {
            seen = new Seen(new HashSet<>());
            TransactionSynchronizationManager.bindResource(key, seen);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return seen;
    }

    private void insertTerms(String markingId, String kind, Collection<String> terms) {
        for (String term : new HashSet<>(terms)) {
            jdbc.sql("INSERT INTO access_marking_term (marking_id, kind, term) VALUES (:m, :k, :t) ON CONFLICT DO NOTHING")
                    .param("m", markingId).param("k", kind).param("t", term).update();
        }
    }

    @Override
    public Set<String> visibleIds(Reader reader, String informationType) {
        SqlPredicate visible = VisibilityFilter.visibleMarking(reader, informationType);
        return new HashSet<>(jdbc.sql("SELECT m.id FROM access_marking m WHERE " + visible.sql())
                .params(visible.params()).query(String.class).list());
    }

    @Override
    public Optional<Marking> find(String markingId) {
        return Optional.ofNullable(findAll(List.of(markingId)).get(markingId));
    }

    @Override
    public Map<String, Marking> findAll(Collection<String> markingIds) {
        Map<String, Marking> out = new HashMap<>();
        if (markingIds.isEmpty()) {
            return out;
        }
        List<String> ids = new ArrayList<>(new HashSet<>(markingIds));
        Map<String, Map<String, Set<String>>> terms = new HashMap<>();
        jdbc.sql("SELECT marking_id, kind, term FROM access_marking_term WHERE marking_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> terms.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getString(3)))
                .list();
        jdbc.sql("""
                SELECT id, classification_rank, tlp, originator_control, owner_organisation_id
                FROM access_marking WHERE id IN (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> {
                    String id = rs.getString(1);
                    Map<String, Set<String>> t = terms.getOrDefault(id, Map.of());
                    Releasability r = new Releasability(
                            t.getOrDefault("ORG", Set.of()),
                            t.getOrDefault("ORG_TYPE", Set.of()).stream().map(OrganisationType::valueOf)
                                    .collect(java.util.stream.Collectors.toSet()),
                            t.getOrDefault("AGREEMENT", Set.of()),
                            t.getOrDefault("USER", Set.of()));
                    out.put(id, new Marking(rs.getInt(2), Tlp.valueOf(rs.getString(3)), r, rs.getBoolean(4),
                            t.getOrDefault("CAVEAT", Set.of()), rs.getString(5)));
                    return id;
                })
                .list();
        return out;
    }
}
