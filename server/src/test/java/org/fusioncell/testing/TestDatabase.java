package org.fusioncell.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: a fresh in-memory H2 (PostgreSQL
 * mode) by default, or a fresh database on a real PostgreSQL server when the suite runs with
 * {@code -Dfusioncell.test.db=postgres} (the second surefire execution, which runs the tests tagged
 * {@code persistence}). The server comes from {@code FUSIONCELL_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}, trust auth).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("fusioncell.test.db", "h2"));
    }

    public static String adminUrl() {
        String url = System.getenv("FUSIONCELL_TEST_PG_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/postgres" : url;
    }

    public static String adminUser() {
        String user = System.getenv("FUSIONCELL_TEST_PG_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    /** Creates an empty database on the test PostgreSQL server and returns its JDBC URL. */
    public static String createPostgresDatabase() {
        String name = "fusioncell_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl(), adminUser(), System.getenv("FUSIONCELL_TEST_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL tests need a server at " + adminUrl()
                    + " (set FUSIONCELL_TEST_PG_URL); it answered: " + e.getMessage(), e);
        }
        String admin = adminUrl();
        int slash = admin.lastIndexOf('/');
        String tail = admin.substring(slash + 1);
        int q = tail.indexOf('?');
        return admin.substring(0, slash + 1) + name + (q >= 0 ? tail.substring(q) : "");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url;
        String user;
        if (onPostgres()) {
            url = createPostgresDatabase();
            user = adminUser();
        } else {
            url = "jdbc:h2:mem:fc" + UUID.randomUUID().toString().replace("-", "") + H2_OPTIONS;
            user = "sa";
        }
        String password = onPostgres() && System.getenv("FUSIONCELL_TEST_PG_PASSWORD") != null
                ? System.getenv("FUSIONCELL_TEST_PG_PASSWORD") : "";
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fusioncell-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                "spring.datasource.hikari.maximum-pool-size", "4")));
    }
}
