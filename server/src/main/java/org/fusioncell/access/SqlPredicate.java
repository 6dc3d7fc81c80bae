package org.fusioncell.access;

import java.util.Map;

/**
 * A boolean SQL expression with its named parameters (all prefixed {@code acc_}), ready to be
 * AND-ed into a module's query with Spring's {@code JdbcClient}.
 */
public record SqlPredicate(String sql, Map<String, Object> params) {

    public SqlPredicate {
        params = Map.copyOf(params);
    }
}
