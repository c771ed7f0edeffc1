package uk.consumptioninsights.model.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.series.HalfHourlySeries;

class MarketFiguresTest {

    private static final long T0 = Instant.parse("2024-10-26T23:00:00Z").getEpochSecond();

    private final HalfHourlySeries consumption = new HalfHourlySeries(new long[] {T0, T0 + 1800, T0 + 3600},
            new double[] {1.5, 2.0, 4.0});

    @Test
    void carbonIsKwhTimesGramsPerKwhInKilograms() {
        PeriodRates intensity = new PeriodRates(new long[] {T0, T0 + 1800, T0 + 3600}, new double[] {200, 100, 50});

        ScopeFigure carbon = MarketFigures.carbonKg(consumption, intensity);

        assertThat(carbon.total()).isCloseTo((1.5 * 200 + 2.0 * 100 + 4.0 * 50) / 1000, within(1e-12));
        assertThat(carbon.complete()).isTrue();
        assertThat(carbon.periodsCovered()).isEqualTo(3);
    }

    @Test
    void exposureIsMwhTimesPriceAndPeriodsWithoutAPriceAreCountedNotZeroed() {
        PeriodRates price = new PeriodRates(new long[] {T0, T0 + 3600}, new double[] {98.45, -12.0});

        ScopeFigure exposure = MarketFigures.imbalanceExposureGbp(consumption, price);

        assertThat(exposure.total()).isCloseTo(1.5 / 1000 * 98.45 + 4.0 / 1000 * -12.0, within(1e-12));
        assertThat(exposure.periodsCovered()).isEqualTo(2);
        assertThat(exposure.periodsUncovered()).isEqualTo(1);
        assertThat(exposure.complete()).isFalse();
    }

    @Test
    void sharesIgnoreExportsAndSumToAHundred() {
        Map<String, Double> mw = new LinkedHashMap<>();
        mw.put("WIND", 3000.0);
        mw.put("CCGT", 1000.0);
        mw.put("INTFR", -500.0);

        Map<String, Double> shares = FuelShares.percent(mw);

        assertThat(shares).containsEntry("WIND", 75.0).containsEntry("CCGT", 25.0).containsEntry("INTFR", 0.0);
        assertThat(FuelShares.percent(Map.of("PS", -10.0))).containsEntry("PS", 0.0);
    }

    @Test
    void ratesMustBeInTimeOrder() {
        assertThatThrownBy(() -> new PeriodRates(new long[] {T0 + 1800, T0}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PeriodRates.of(Map.of(Instant.ofEpochSecond(T0), 5.0)).valueAt(T0 + 1800)).isNaN();
    }
}
