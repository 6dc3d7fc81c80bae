package org.fusioncell.access;

import org.fusioncell.shared.ClockConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * Just the access module on a database: datasource, Flyway (access migrations only, see the tests'
 * properties), JdbcClient and the {@link Markings} bean. Starts in a fraction of the full application's
 * time; used with {@code TestDatabase}, so it runs on H2 and on PostgreSQL. A test configuration, so
 * the application's component scan never picks it up in other tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ClockConfiguration.class)
@ComponentScan("org.fusioncell.access.internal")
class AccessDatabaseSlice {
}
