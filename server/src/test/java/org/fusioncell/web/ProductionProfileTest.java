package org.fusioncell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.fusioncell.FusionCellApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** The prod profile never falls back to an in-memory database. */
class ProductionProfileTest {

    @Test
    void prodStartUpWithoutDatabaseUrlStopsWithTheReason() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FusionCellApplication.class)
                .profiles("prod")
                .properties("spring.datasource.url=", "server.port=0", "logging.level.root=OFF")
                .run().close());
        Throwable cause = failure;
        while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isNotNull();
        assertThat(cause.getMessage()).contains("FUSIONCELL_DB_URL");
    }
}
