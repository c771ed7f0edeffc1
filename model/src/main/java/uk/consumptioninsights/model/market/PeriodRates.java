package uk.consumptioninsights.model.market;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A market value per settlement period (carbon intensity in gCO2/kWh, a system price in £/MWh), keyed by the UTC
 * epoch second of each period start, as {@link uk.consumptioninsights.model.series.HalfHourlySeries} keys consumption.
 * Periods without a value are absent, never zero.
 */
public final class PeriodRates {

    private final long[] epochSeconds;
    private final double[] values;

    public PeriodRates(long[] epochSeconds, double[] values) {
        Objects.requireNonNull(epochSeconds, "epochSeconds");
        Objects.requireNonNull(values, "values");
        if (epochSeconds.length != values.length) {
            throw new IllegalArgumentException("Every period needs exactly one value");
        }
        for (int i = 1; i < epochSeconds.length; i++) {
            if (epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("Periods must be in strictly ascending order");
            }
        }
        this.epochSeconds = epochSeconds.clone();
        this.values = values.clone();
    }

    public static PeriodRates of(Map<Instant, Double> byStart) {
        TreeMap<Instant, Double> sorted = new TreeMap<>(byStart);
        long[] seconds = new long[sorted.size()];
        double[] values = new double[sorted.size()];
        int i = 0;
        for (Map.Entry<Instant, Double> e : sorted.entrySet()) {
            seconds[i] = e.getKey().getEpochSecond();
            values[i++] = Objects.requireNonNull(e.getValue(), "value");
        }
        return new PeriodRates(seconds, values);
    }

    public int size() {
        return epochSeconds.length;
    }

    /** The value of the period starting at {@code epochSecond}, or NaN when there is none. */
    public double valueAt(long epochSecond) {
        int at = Arrays.binarySearch(epochSeconds, epochSecond);
        return at >= 0 ? values[at] : Double.NaN;
    }
}
