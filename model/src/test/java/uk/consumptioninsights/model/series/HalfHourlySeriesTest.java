package uk.consumptioninsights.model.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HalfHourlySeriesTest {

    private static final long T0 = Instant.parse("2026-01-15T00:00:00Z").getEpochSecond();

    private static HalfHourlySeries fourPoints() {
        return new HalfHourlySeries(new long[] {T0, T0 + 1800, T0 + 3600, T0 + 5400}, new double[] {0.5, 1.25, -0.25, 2.0});
    }

    @Test
    void exposesPointsByIndex() {
        HalfHourlySeries series = fourPoints();

        assertThat(series.size()).isEqualTo(4);
        assertThat(series.isEmpty()).isFalse();
        assertThat(series.epochSecondAt(1)).isEqualTo(T0 + 1800);
        assertThat(series.instantAt(1)).isEqualTo(Instant.parse("2026-01-15T00:30:00Z"));
        assertThat(series.kwhAt(2)).isEqualTo(-0.25);
        assertThatThrownBy(() -> series.kwhAt(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> series.epochSecondAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void summarisesConsumption() {
        HalfHourlySeries series = fourPoints();

        assertThat(series.totalKwh()).isCloseTo(3.5, within(1e-12));
        assertThat(series.maxKwh()).isEqualTo(2.0);
        assertThat(series.minKwh()).isEqualTo(-0.25);
    }

    @Test
    void emptySeriesHasNoExtremes() {
        HalfHourlySeries empty = HalfHourlySeries.empty();

        assertThat(empty.size()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.totalKwh()).isZero();
        assertThat(empty.maxKwh()).isNaN();
        assertThat(empty.minKwh()).isNaN();
        assertThat(new HalfHourlySeries(new long[0], new double[0])).isEqualTo(empty);
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatThrownBy(() -> new HalfHourlySeries(new long[] {T0, T0 + 1800}, new double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 times and 1 values");
    }

    @Test
    void rejectsRepeatedOrDescendingTimes() {
        assertThatThrownBy(() -> new HalfHourlySeries(new long[] {T0, T0}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> new HalfHourlySeries(new long[] {T0, T0 + 1800, T0 + 900}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("point 2");
        assertThatThrownBy(() -> new HalfHourlySeries(null, new double[0])).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isImmutableThroughDefensiveCopies() {
        long[] times = {T0, T0 + 1800};
        double[] values = {1.0, 2.0};
        HalfHourlySeries series = new HalfHourlySeries(times, values);

        times[0] = T0 - 1800;
        values[0] = 99;
        series.epochSecondsCopy()[1] = 0;
        series.kwhCopy()[1] = 99;

        assertThat(series.epochSecondsCopy()).containsExactly(T0, T0 + 1800);
        assertThat(series.kwhCopy()).containsExactly(1.0, 2.0);
    }

    @Test
    void slicesHalfOpenRanges() {
        HalfHourlySeries series = fourPoints();

        HalfHourlySeries middle = series.slice(Instant.ofEpochSecond(T0 + 1800), Instant.ofEpochSecond(T0 + 5400));
        assertThat(middle.epochSecondsCopy()).containsExactly(T0 + 1800, T0 + 3600);
        assertThat(middle.kwhCopy()).containsExactly(1.25, -0.25);

        HalfHourlySeries between = series.slice(Instant.ofEpochSecond(T0 + 1), Instant.ofEpochSecond(T0 + 3601));
        assertThat(between.epochSecondsCopy()).containsExactly(T0 + 1800, T0 + 3600);
    }

    @Test
    void slicesWithFractionalSecondBounds() {
        HalfHourlySeries series = fourPoints();

        HalfHourlySeries slice = series.slice(Instant.ofEpochSecond(T0, 1), Instant.ofEpochSecond(T0 + 3600, 1));
        assertThat(slice.epochSecondsCopy()).containsExactly(T0 + 1800, T0 + 3600);
    }

    @Test
    void slicesOutsideOrBackwardsAreEmpty() {
        HalfHourlySeries series = fourPoints();

        assertThat(series.slice(Instant.ofEpochSecond(T0 - 7200), Instant.ofEpochSecond(T0))).isEqualTo(HalfHourlySeries.empty());
        assertThat(series.slice(Instant.ofEpochSecond(T0 + 7200), Instant.ofEpochSecond(T0 + 9000)).isEmpty()).isTrue();
        assertThat(series.slice(Instant.ofEpochSecond(T0 + 3600), Instant.ofEpochSecond(T0)).isEmpty()).isTrue();
        assertThat(series.slice(Instant.ofEpochSecond(T0 - 1), Instant.ofEpochSecond(T0 + 1_000_000))).isEqualTo(series);
    }

    @Test
    void sliceOfALargeSeriesMatchesALinearScan() {
        int n = 10_000;
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = T0 + 1800L * i;
            values[i] = i;
        }
        HalfHourlySeries series = new HalfHourlySeries(times, values);
        Instant from = Instant.ofEpochSecond(T0 + 1800L * 1234 + 17);
        Instant to = Instant.ofEpochSecond(T0 + 1800L * 5678);

        HalfHourlySeries slice = series.slice(from, to);

        assertThat(slice.size()).isEqualTo(5678 - 1235);
        assertThat(slice.kwhAt(0)).isEqualTo(1235);
        assertThat(slice.kwhAt(slice.size() - 1)).isEqualTo(5677);
    }

    @Test
    void equalityIsByContent() {
        assertThat(fourPoints()).isEqualTo(fourPoints()).hasSameHashCodeAs(fourPoints());
        assertThat(fourPoints()).isNotEqualTo(new HalfHourlySeries(new long[] {T0}, new double[] {0.5}));
        assertThat(fourPoints().toString()).contains("4 points").contains("2026-01-15T00:00:00Z");
    }
}
