package org.fusioncell.monitoring.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damped-trend forecasts on series whose continuation is known. */
class ForecastingTest {

    @Test
    void theForecastOfALinearTrendContinuesIt() {
        long[] values = new long[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + 3L * i;
        }
        Forecast f = Forecasting.defaults().forecast(AnomalyDetectionTest.monthly(values));

        assertThat(f.method().name()).isEqualTo("damped-holt");
        assertThat(f.method().phi()).isEqualTo(1.0);
        for (Forecast.Step s : f.steps()) {
            assertThat(s.mean()).isCloseTo(10 + 3.0 * (29 + s.ahead()), within(0.01));
        }
        assertThat(f.steps().getFirst().periodStart()).isEqualTo(java.time.LocalDate.of(2018, 7, 1));
        assertThat(f.backtest().mae()).isLessThan(0.01);
        assertThat(f.backtest().naiveMae()).isGreaterThan(5);
    }

    @Test
    void intervalsWidenWithTheHorizonAndCountsStayNonNegative() {
        Random random = new Random(3);
        long[] values = new long[48];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, Math.round(10 + 0.6 * i + random.nextGaussian() * 4));
        }
        Forecast f = new Forecasting(8, 0.9).forecast(AnomalyDetectionTest.monthly(values));

        List<Forecast.Step> steps = f.steps();
        assertThat(steps).hasSize(8);
        for (int i = 1; i < steps.size(); i++) {
            double before = steps.get(i - 1).upper() - steps.get(i - 1).mean();
            double now = steps.get(i).upper() - steps.get(i).mean();
            assertThat(now).as("half-width at %d periods ahead", i + 1).isGreaterThan(before);
        }
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.lower()).isGreaterThanOrEqualTo(0);
            assertThat(s.mean()).isBetween(s.lower(), s.upper());
        });
        assertThat(f.level()).isEqualTo(0.9);
        assertThat(f.backtest().holdOut()).isEqualTo(8);
        assertThat(f.backtest().within()).isBetween(0, 8);
    }

    @Test
    void tooShortASeriesHasNoForecastAndTheQuantilesAreRight() {
        assertThat(Forecasting.defaults().forecast(AnomalyDetectionTest.monthly(1, 2, 3))).isNull();
        Forecast short6 = Forecasting.defaults().forecast(AnomalyDetectionTest.monthly(1, 2, 3, 4, 5, 6));
        assertThat(short6.steps()).hasSize(6);
        assertThat(short6.backtest()).isNull();
        assertThat(Forecasting.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-5));
        assertThat(Forecasting.normalQuantile(0.9)).isCloseTo(1.281552, within(1e-5));
        assertThat(Forecasting.normalQuantile(0.01)).isCloseTo(-2.326348, within(1e-5));
    }
}
