package org.fusioncell.bench.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fusioncell.access.Marking;
import org.fusioncell.access.Reader;
import org.fusioncell.access.SqlPredicate;
import org.fusioncell.access.VisibilityFilter;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a list plus its total, as every list endpoint runs it: the reader's
 * {@link VisibilityFilter#visible} predicate AND-ed into {@code SELECT … ORDER BY … LIMIT 50} and
 * {@code SELECT COUNT(*)}, over 100,000 items carrying 2,000 distinct markings (and, as the worst case, each its own), on an in-memory H2 in
 * PostgreSQL mode built with the access module's own migration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class VisibilityFilterBenchmark {

    private static final String MIGRATION = "db/migration/access/V1_0_100__access_markings.sql";

    @Param("100000")
    public int items;

    /** Agreements the reader's organisation has in force: 0 (a lone agency) or 5 (a well-connected cell). */
    @Param({"0", "5"})
    public int agreements;

    /**
     * How many distinct markings the items carry. Markings are stored once per distinct content, so a
     * real cell has a few hundred to a few thousand; 100000 is the worst case of every item its own.
     */
    @Param({"2000", "100000"})
    public int distinctMarkings;

    private Connection keepAlive;
    private JdbcClient jdbc;
    private SqlPredicate visible;

    @Setup(Level.Trial)
    public void buildDatabase() throws SQLException, IOException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bench" + agreements
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        keepAlive = dataSource.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            for (String statement : migration().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            s.execute("CREATE TABLE bench_item (id VARCHAR(36) PRIMARY KEY, marking_id VARCHAR(36) NOT NULL)");
            s.execute("CREATE INDEX bench_item_marking ON bench_item (marking_id)");
        }
        SyntheticAccessWorld world = new SyntheticAccessWorld(7L);
        insert(world);
        jdbc = JdbcClient.create(dataSource);
        Reader reader = world.reader(agreements);
        visible = VisibilityFilter.visible(reader, "report", "t.marking_id");
        System.out.printf("%nreader sees %d of %d items%n", count(), items);
    }

    private static String migration() throws IOException {
        try (InputStream in = VisibilityFilterBenchmark.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IOException("missing " + MIGRATION + " on the classpath (it comes with the server jar)");
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString();
        }
    }

    /** The same rows {@code Markings.save} writes, batched: the benchmark is about reading. */
    private void insert(SyntheticAccessWorld world) throws SQLException {
        keepAlive.setAutoCommit(false);
        try (PreparedStatement marking = keepAlive.prepareStatement("INSERT INTO access_marking (id, classification_rank, tlp,"
                + " originator_control, owner_organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement term = keepAlive.prepareStatement(
                     "INSERT INTO access_marking_term (marking_id, kind, term) VALUES (?, ?, ?)");
             PreparedStatement item = keepAlive.prepareStatement("INSERT INTO bench_item (id, marking_id) VALUES (?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            java.util.List<String> pool = new java.util.ArrayList<>();
            java.util.Random pick = new java.util.Random(11L);
            for (int i = 0; i < Math.min(items, distinctMarkings); i++) {
                Marking m = world.marking();
                String id = world.id();
                pool.add(id);
                marking.setString(1, id);
                marking.setInt(2, m.classificationRank());
                marking.setString(3, m.tlp().name());
                marking.setBoolean(4, m.originatorControl());
                marking.setString(5, m.ownerOrganisation());
                marking.setTimestamp(6, now);
                marking.addBatch();
                terms(term, id, "ORG", m.releasability().organisations());
                terms(term, id, "ORG_TYPE", m.releasability().organisationTypes().stream().map(Enum::name).toList());
                terms(term, id, "AGREEMENT", m.releasability().agreements());
                terms(term, id, "USER", m.releasability().users());
                terms(term, id, "CAVEAT", m.caveats());
                if (i % 5_000 == 4_999) {
                    marking.executeBatch();
                    term.executeBatch();
                }
            }
            for (int i = 0; i < items; i++) {
                item.setString(1, world.id());
                item.setString(2, pool.size() == items ? pool.get(i) : pool.get(pick.nextInt(pool.size())));
                item.addBatch();
                if (i % 5_000 == 4_999) {
                    item.executeBatch();
                }
            }
            marking.executeBatch();
            term.executeBatch();
            item.executeBatch();
            keepAlive.commit();
        }
        keepAlive.setAutoCommit(true);
    }

    private static void terms(PreparedStatement term, String markingId, String kind, java.util.Collection<String> values)
            throws SQLException {
        for (String v : values) {
            term.setString(1, markingId);
            term.setString(2, kind);
            term.setString(3, v);
            term.addBatch();
        }
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM bench_item t WHERE " + visible.sql())
                .params(visible.params()).query(Long.class).single();
    }

    @Benchmark
    public void firstPageAndTotal(Blackhole hole) {
        List<String> page = jdbc.sql("SELECT t.id FROM bench_item t WHERE " + visible.sql() + " ORDER BY t.id LIMIT 50")
                .params(visible.params()).query(String.class).list();
        hole.consume(page);
        hole.consume(count());
    }

    @Benchmark
    public List<String> deepPage() {
        return jdbc.sql("SELECT t.id FROM bench_item t WHERE " + visible.sql() + " ORDER BY t.id LIMIT 50 OFFSET 5000")
                .params(visible.params()).query(String.class).list();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("SHUTDOWN");
        }
        keepAlive.close();
    }
}
