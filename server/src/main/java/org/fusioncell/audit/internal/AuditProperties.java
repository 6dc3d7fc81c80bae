package org.fusioncell.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fusioncell.audit.*}: from which classification rank a reader must justify opening an item
 * (2 = CONFIDENTIAL in the default scheme), and how many records verification reads per query.
 */
@ConfigurationProperties("fusioncell.audit")
record AuditProperties(@DefaultValue("2") int justificationFromRank, @DefaultValue("2000") int verifyBatchSize) {

    AuditProperties {
        if (verifyBatchSize < 1) {
            throw new IllegalArgumentException("fusioncell.audit.verify-batch-size must be at least 1");
        }
    }
}
