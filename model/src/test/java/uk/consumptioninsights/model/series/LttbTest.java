package uk.consumptioninsights.model.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LttbTest {

    private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private static HalfHourlySeries series(double[] values) {
        long[] times = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            times[i] = T0 + 1800L * i;
        }
        return new HalfHourlySeries(times, values);
    }

    /** A year of half-hours with an evening peak each day and some noise. */
    private static HalfHourlySeries dailyPeaked() {
        Random random = new Random(42);
        double[] values = new double[365 * 48];
        for (int i = 0; i < values.length; i++) {
            int period = i % 48;
            double eveningPeak = Math.exp(-Math.pow((period - 36) / 3.0, 2));
            values[i] = 0.2 + 1.5 * eveningPeak + 0.05 * random.nextDouble();
        }
        return series(values);
    }

    private static void assertStrictlyAscending(HalfHourlySeries series) {
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.epochSecondAt(i)).isGreaterThan(series.epochSecondAt(i - 1));
        }
    }

    @Test
    void keepsTheEndpointsAndHitsTheThreshold() {
        HalfHourlySeries input = dailyPeaked();

        HalfHourlySeries output = Lttb.downsample(input, 500);

        assertThat(output.size()).isEqualTo(500);
        assertThat(output.epochSecondAt(0)).isEqualTo(input.epochSecondAt(0));
        assertThat(output.kwhAt(0)).isEqualTo(input.kwhAt(0));
        assertThat(output.epochSecondAt(499)).isEqualTo(input.epochSecondAt(input.size() - 1));
        assertThat(output.kwhAt(499)).isEqualTo(input.kwhAt(input.size() - 1));
        assertStrictlyAscending(output);
    }

    @Test
    void everyOutputPointIsAnInputPoint() {
        HalfHourlySeries input = dailyPeaked();

        HalfHourlySeries output = Lttb.downsample(input, 777);

        for (int i = 0; i < output.size(); i++) {
            int index = (int) ((output.epochSecondAt(i) - T0) / 1800);
            assertThat(output.kwhAt(i)).isEqualTo(input.kwhAt(index));
        }
    }

    @Test
    void keepsASingleSpikeInAFlatSeries() {
        double[] values = new double[10_000];
        Arrays.fill(values, 0.3);
        values[6_543] = 25.0;
        HalfHourlySeries input = series(values);

        HalfHourlySeries output = Lttb.downsample(input, 100);

        assertThat(output.size()).isEqualTo(100);
        assertThat(output.maxKwh()).isEqualTo(25.0);
        assertThat(output.epochSecondsCopy()).contains(T0 + 1800L * 6_543);
    }

    @Test
    void keepsASingleDipInAFlatSeries() {
        double[] values = new double[5_000];
        Arrays.fill(values, 1.0);
        values[17] = 0.0;
        HalfHourlySeries output = Lttb.downsample(series(values), 50);

        assertThat(output.minKwh()).isEqualTo(0.0);
    }

    @Test
    void preservesTheMaximumOfADailyPeakedSeries() {
        HalfHourlySeries input = dailyPeaked();

        HalfHourlySeries output = Lttb.downsample(input, 730);

        assertThat(output.maxKwh()).isGreaterThanOrEqualTo(0.97 * input.maxKwh()).isLessThanOrEqualTo(input.maxKwh());
        assertThat(output.minKwh()).isLessThanOrEqualTo(1.1 * input.minKwh());
    }

    @Test
    void returnsTheInputWhenAlreadySmallEnough() {
        HalfHourlySeries input = series(new double[] {1, 2, 3, 4, 5});

        assertThat(Lttb.downsample(input, 5)).isSameAs(input);
        assertThat(Lttb.downsample(input, 6)).isSameAs(input);
        assertThat(Lttb.downsample(HalfHourlySeries.empty(), 10)).isSameAs(HalfHourlySeries.empty());
    }

    @Test
    void returnsTheInputForThresholdsBelowThree() {
        HalfHourlySeries input = dailyPeaked();

        assertThat(Lttb.downsample(input, 2)).isSameAs(input);
        assertThat(Lttb.downsample(input, 0)).isSameAs(input);
        assertThat(Lttb.downsample(input, -1)).isSameAs(input);
    }

    @Test
    void handlesTheSmallestUsefulThresholds() {
        HalfHourlySeries input = series(new double[] {0, 1, 9, 1, 0, 0, 0});

        HalfHourlySeries three = Lttb.downsample(input, 3);
        HalfHourlySeries six = Lttb.downsample(input, 6);

        assertThat(three.kwhCopy()).containsExactly(0, 9, 0);
        assertThat(six.size()).isEqualTo(6);
        assertStrictlyAscending(six);
    }

    @Test
    void worksWithIrregularGaps() {
        long[] times = new long[1_000];
        double[] values = new double[1_000];
        long t = T0;
        for (int i = 0; i < times.length; i++) {
            t += (i % 10 == 0) ? 18_000 : 1800;
            times[i] = t;
            values[i] = Math.sin(i / 20.0);
        }
        HalfHourlySeries output = Lttb.downsample(new HalfHourlySeries(times, values), 64);

        assertThat(output.size()).isEqualTo(64);
        assertStrictlyAscending(output);
    }
}
