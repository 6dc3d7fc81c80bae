package org.fusioncell.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The SQL predicates of {@link VisibilityFilter} select exactly what {@link AccessPolicy#decide} allows,
 * on H2 and on PostgreSQL: generated markings are stored through {@link Markings}, one item per marking
 * in a test table, and every sampled reader's list, count, pages and hit/no-hit scope are compared
 * with the decision point's verdict on each item.
 */
@Tag("persistence")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, classes = AccessDatabaseSlice.class,
        properties = "spring.flyway.locations=classpath:db/migration/access")
@ContextConfiguration(initializers = TestDatabase.class)
@ActiveProfiles({"test", AccessDatabaseSlice.PROFILE})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityFilterAgreementTest {

    private static final int MARKINGS = 240;
    private static final int PAGE = 9;

    @Autowired
    Markings markings;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, Marking> itemMarkings = new HashMap<>();

    @BeforeAll
    void storeMarkedItems() {
        jdbc.sql("CREATE TABLE test_item (id VARCHAR(36) PRIMARY KEY, marking_id VARCHAR(36) NOT NULL)").update();
        for (Marking marking : PolicyWorld.markings(77L, MARKINGS)) {
            String markingId = markings.save(marking);
            for (int copies = 0; copies < 2; copies++) { // two items per marking
                String itemId = Ids.newId();
                jdbc.sql("INSERT INTO test_item (id, marking_id) VALUES (:id, :m)")
                        .param("id", itemId).param("m", markingId).update();
                itemMarkings.put(itemId, marking);
            }
        }
    }

    /** A spread of readers: every user, low and high clearance, no or several caveats, with and without agreements. */
    private static List<Reader> sampledReaders() {
        List<Reader> all = PolicyWorld.allReaders();
        List<Reader> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 5) {
            sample.add(all.get(i));
        }
        return sample;
    }

    @Test
    void visiblePredicateListsCountsAndPagesExactlyWhatThePolicyShows() {
        List<Reader> readers = sampledReaders();
        int checkedVisible = 0;
        int checkedKnownOnly = 0;
        for (String type : List.of(PolicyWorld.REPORT, PolicyWorld.ENTITY)) {
            for (Reader reader : readers) {
                Set<String> visible = new HashSet<>();
                Set<String> known = new HashSet<>();
                itemMarkings.forEach((item, marking) -> {
                    Decision.Visibility v = AccessPolicy.decide(reader, type, marking).visibility();
                    if (v == Decision.Visibility.VISIBLE) {
                        visible.add(item);
                    }
                    if (v != Decision.Visibility.HIDDEN) {
                        known.add(item);
                    }
                });
                String what = reader + " / " + type;
                SqlPredicate p = VisibilityFilter.visible(reader, type, "t.marking_id");
                assertThat(p.params().keySet()).allMatch(k -> k.startsWith("acc_"));
                assertThat(ids("SELECT t.id FROM test_item t WHERE " + p.sql(), p))
                        .as("visible list for %s", what).containsExactlyInAnyOrderElementsOf(visible);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM test_item t WHERE " + p.sql()).params(p.params())
                        .query(Long.class).single()).as("count for %s", what).isEqualTo(visible.size());
                List<String> paged = new ArrayList<>();
                for (int offset = 0; ; offset += PAGE) {
                    List<String> page = jdbc.sql("SELECT t.id FROM test_item t WHERE " + p.sql()
                                    + " ORDER BY t.id LIMIT :lim OFFSET :off")
                            .params(p.params()).param("lim", PAGE).param("off", offset).query(String.class).list();
                    assertThat(visible).as("page at %d for %s", offset, what).containsAll(page);
                    paged.addAll(page);
                    if (page.size() < PAGE) {
                        break;
                    }
                }
                assertThat(paged).as("pages for %s", what).doesNotHaveDuplicates().hasSameSizeAs(visible);
                SqlPredicate k = VisibilityFilter.known(reader, type, "t.marking_id");
                assertThat(ids("SELECT t.id FROM test_item t WHERE " + k.sql(), k))
                        .as("known (hit/no-hit scope) for %s", what).containsExactlyInAnyOrderElementsOf(known);
                checkedVisible += visible.size();
                checkedKnownOnly += known.size() - visible.size();
            }
        }
        System.out.printf("visibility filter: %d readers x 2 types over %d items; %d visible and %d existence-only verdicts matched%n",
                readers.size(), itemMarkings.size(), checkedVisible, checkedKnownOnly);
        assertThat(checkedVisible).isGreaterThan(1_000);
        assertThat(checkedKnownOnly).isGreaterThan(1_000);
    }

    @Test
    void predicatesCompose() {
        // two predicates for the same reader AND-ed into one query (e.g. a join of two marked tables)
        Reader reader = PolicyWorld.reader(PolicyWorld.firstUserOf(PolicyWorld.POLICE), PolicyWorld.SECRET, Set.of("NOFORN"));
        SqlPredicate visible = VisibilityFilter.visible(reader, PolicyWorld.REPORT, "t.marking_id");
        SqlPredicate known = VisibilityFilter.known(reader, PolicyWorld.REPORT, "t.marking_id");
        Map<String, Object> params = new HashMap<>(known.params());
        params.putAll(visible.params());
        long both = jdbc.sql("SELECT COUNT(*) FROM test_item t WHERE " + visible.sql() + " AND " + known.sql())
                .params(params).query(Long.class).single();
        long onlyVisible = jdbc.sql("SELECT COUNT(*) FROM test_item t WHERE " + visible.sql())
                .params(visible.params()).query(Long.class).single();
        assertThat(both).isEqualTo(onlyVisible).isPositive();
    }

    @Test
    void aGrantWithoutPartiesReachesNothing() {
        AgreementGrant empty = new AgreementGrant(PolicyWorld.SUSPENDED.agreementId(), Set.of(), PolicyWorld.SECRET,
                Set.of(AgreementGrant.ALL_TYPES));
        Reader reader = PolicyWorld.reader(PolicyWorld.firstUserOf(PolicyWorld.PLATFORM), PolicyWorld.SECRET, Set.of(),
                List.of(empty));
        Reader without = PolicyWorld.reader(PolicyWorld.firstUserOf(PolicyWorld.PLATFORM), PolicyWorld.SECRET, Set.of(),
                List.of());
        SqlPredicate k = VisibilityFilter.known(reader, PolicyWorld.REPORT, "t.marking_id");
        SqlPredicate w = VisibilityFilter.known(without, PolicyWorld.REPORT, "t.marking_id");
        assertThat(ids("SELECT t.id FROM test_item t WHERE " + k.sql(), k))
                .containsExactlyInAnyOrderElementsOf(ids("SELECT t.id FROM test_item t WHERE " + w.sql(), w));
    }

    private List<String> ids(String sql, SqlPredicate p) {
        return jdbc.sql(sql).params(p.params()).query(String.class).list();
    }
}
