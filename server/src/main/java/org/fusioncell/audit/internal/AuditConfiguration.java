package org.fusioncell.audit.internal;

import org.fusioncell.audit.AuditVerification;
import org.fusioncell.audit.JustificationPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit module's beans. Method security is switched on here so that the auditor pages refuse
 * non-auditors whatever the web security chain says (identity may switch it on too: importing it
 * twice is harmless).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableMethodSecurity
class AuditConfiguration {

    @Bean
    JustificationPolicy justificationPolicy(AuditProperties properties) {
        return new JustificationPolicy(properties.justificationFromRank());
    }

    @Bean
    AuditVerification auditVerification(JdbcClient jdbc, PlatformTransactionManager transactions,
                                        AuditProperties properties) {
        return new ChainVerifier(jdbc, transactions, properties.verifyBatchSize());
    }
}
