package org.fusioncell.audit.internal;

import javax.sql.DataSource;
import org.fusioncell.audit.AuditVerification;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The whole context of {@code ./fusioncell audit verify}: the server's DataSource configuration and
 * the verifier, nothing else (no migrations, no seeding, no web, no schedulers). Deliberately not a
 * {@code @Configuration}, so the server's component scan never picks it up.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(AuditProperties.class)
public class StandaloneVerification {

    @Bean
    AuditVerification auditVerification(DataSource dataSource, PlatformTransactionManager transactions,
                                        AuditProperties properties) {
        return new ChainVerifier(JdbcClient.create(dataSource), transactions, properties.verifyBatchSize());
    }
}
