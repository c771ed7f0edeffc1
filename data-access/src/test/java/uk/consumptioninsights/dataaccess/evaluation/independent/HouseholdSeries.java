package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.Arrays;
import java.util.Objects;

/**
 * One household's readings: ascending half-hour starts in epoch seconds and kWh. Injections rewrite {@code kwh} in
 * place on a {@link #copy()}, so the real series read from the file stays untouched for the next seed.
 */
public record HouseholdSeries(String householdId, long[] epochSeconds, double[] kwh) {

    public static final long HALF_HOUR = 1800;
    public static final long DAY = 86_400;

    public HouseholdSeries {
        Objects.requireNonNull(householdId, "householdId");
        if (epochSeconds.length != kwh.length) {
            throw new IllegalArgumentException("Times and values differ in length for " + householdId);
        }
    }

    public int size() {
        return epochSeconds.length;
    }

    public long firstReading() {
        return epochSeconds[0];
    }

    public long lastReading() {
        return epochSeconds[epochSeconds.length - 1];
    }

    public HouseholdSeries copy() {
        return new HouseholdSeries(householdId, epochSeconds.clone(), kwh.clone());
    }

    /** Index of the first reading at or after {@code epochSecond} (the size when there is none). */
    public int indexAtOrAfter(long epochSecond) {
        int i = Arrays.binarySearch(epochSeconds, epochSecond);
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the reading that starts at {@code epochSecond}, or -1. */
    public int indexOf(long epochSecond) {
        int i = Arrays.binarySearch(epochSeconds, epochSecond);
        return i >= 0 ? i : -1;
    }

    /** This series without the readings in [from, to), as a lost network feed leaves it. */
    public HouseholdSeries without(long from, long to) {
        int a = indexAtOrAfter(from);
        int b = indexAtOrAfter(to);
        long[] t = new long[size() - (b - a)];
        double[] x = new double[t.length];
        System.arraycopy(epochSeconds, 0, t, 0, a);
        System.arraycopy(kwh, 0, x, 0, a);
        System.arraycopy(epochSeconds, b, t, a, size() - b);
        System.arraycopy(kwh, b, x, a, size() - b);
        return new HouseholdSeries(householdId, t, x);
    }

    /** (last reading − first reading) in years of 365.25 days, the spec's meter-years. */
    public double meterYears() {
        return size() == 0 ? 0 : (lastReading() - firstReading()) / (365.25 * DAY);
    }
}
