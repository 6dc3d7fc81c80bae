package org.fusioncell.access;

import org.fusioncell.shared.ClockConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * Just the access module on a database: datasource, Flyway (access migrations only, see the tests'
 * properties), JdbcClient and the {@link Markings} bean. Starts in a fraction of the full application's
 * time; used with {@code TestDatabase}, so it runs on H2 and on PostgreSQL. A plain configuration, so
 * that Spring Boot's test bootstrapper uses it instead of the whole application; its profile keeps the
 * application's component scan from picking it up in every other test.
 */
@Configuration(proxyBeanMethods = false)
@Profile(AccessDatabaseSlice.PROFILE)
@EnableAutoConfiguration
@Import(ClockConfiguration.class)
@ComponentScan("org.fusioncell.access.internal")
class AccessDatabaseSlice {

    static final String PROFILE = "access-slice";
}
