package org.fusioncell.entities.internal;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fusioncell.entities.*}: the region phone numbers without a country code belong to, and the
 * warning list of identifier keys too common to correlate (an emergency number, a ministry switchboard).
 */
@ConfigurationProperties("fusioncell.entities")
record EntitiesProperties(@DefaultValue("MR") String defaultRegion, @DefaultValue List<String> noCorrelationKeys) {

    Set<String> warningList() {
        return Set.copyOf(noCorrelationKeys);
    }
}
