package org.fusioncell.safeguards.retention.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The register refuses at start a second number for reports and a type it does not know. */
class ConfiguredRegisterTest {

    @Test
    void aReportPeriodOfItsOwnStopsTheStartNamingTheOneSetting() {
        RetentionSettings settings = new RetentionSettings(null, null, Map.of("report",
                new RetentionSettings.TypeSettings(Period.ofYears(7), null, null, null)));
        assertThatThrownBy(() -> new ConfiguredRegister(settings, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fusioncell.intake.retention-default");
    }

    @Test
    void anUnknownTypeStopsTheStart() {
        RetentionSettings settings = new RetentionSettings(null, null, Map.of("passenger",
                new RetentionSettings.TypeSettings(Period.ofYears(1), null, null, null)));
        assertThatThrownBy(() -> new ConfiguredRegister(settings, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("types.passenger");
    }
}
