package org.fusioncell.monitoring.trends.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code fusioncell.monitoring.trends.*}: documented defaults, and a bad value stops the start-up. */
class TrendsSettingsTest {

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        TrendsSettings s = new TrendsSettings(null, null, null, null, null, null, null, null);
        assertThat(s.suppression().below()).isEqualTo(5);
        assertThat(s.detection().threshold()).isEqualTo(3.5);
        assertThat(s.detection().minCount()).isEqualTo(5);
        assertThat(s.detection().rollingWindow()).isEqualTo(12);
        assertThat(s.detection().minHistory()).isEqualTo(12);
        assertThat(s.forecasting().horizon()).isEqualTo(6);
        assertThat(s.forecasting().level()).isEqualTo(0.8);
        assertThat(s.forecasting(3).horizon()).isEqualTo(3);
        assertThat(s.groupsShown()).isEqualTo(10);
        assertThat(new TrendsSettings(0, null, null, null, null, null, null, null).suppression().active()).isFalse();
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> new TrendsSettings(-1, null, null, null, null, null, null, null))
                .hasMessageContaining("suppress-below");
        assertThatThrownBy(() -> new TrendsSettings(null, 0.0, null, null, null, null, null, null))
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new TrendsSettings(null, null, null, null, null, 30, null, null))
                .hasMessageContaining("horizon");
        assertThatThrownBy(() -> new TrendsSettings(null, null, null, null, null, null, 1.5, null))
                .hasMessageContaining("level");
    }
}
