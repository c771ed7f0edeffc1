package uk.consumptioninsights.model.series;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable half-hourly consumption for one meter or aggregate, stored as two primitive
 * columns so a year of readings (17 520 points) costs two arrays rather than 17 520 objects.
 * Times are UTC epoch seconds of each period start. Missing periods are absent, not zero.
 */
public final class HalfHourlySeries {

    private static final HalfHourlySeries EMPTY = new HalfHourlySeries(new long[0], new double[0], false);

    private final long[] epochSeconds;
    private final double[] kwh;

    public HalfHourlySeries(long[] epochSeconds, double[] kwh) {
        this(Objects.requireNonNull(epochSeconds, "epochSeconds").clone(), Objects.requireNonNull(kwh, "kwh").clone(),
                true);
    }

    /** Takes ownership of the arrays; callers inside the package must not keep references. */
    private HalfHourlySeries(long[] epochSeconds, double[] kwh, boolean validate) {
        if (validate) {
            requireValid(epochSeconds, kwh);
        }
        this.epochSeconds = epochSeconds;
        this.kwh = kwh;
    }

    /** Validates without copying: for arrays freshly built in this package and never shared. */
    static HalfHourlySeries adopt(long[] epochSeconds, double[] kwh) {
        return new HalfHourlySeries(epochSeconds, kwh, true);
    }

    /** Backing arrays for algorithms in this package, to avoid copying large series; never modify them. */
    long[] epochSecondsView() {
        return epochSeconds;
    }

    double[] kwhView() {
        return kwh;
    }

    public static HalfHourlySeries empty() {
        return EMPTY;
    }

    public int size() {
        return epochSeconds.length;
    }

    public boolean isEmpty() {
        return epochSeconds.length == 0;
    }

    public long epochSecondAt(int i) {
        return epochSeconds[Objects.checkIndex(i, epochSeconds.length)];
    }

    public Instant instantAt(int i) {
        return Instant.ofEpochSecond(epochSecondAt(i));
    }

    public double kwhAt(int i) {
        return kwh[Objects.checkIndex(i, kwh.length)];
    }

    public double totalKwh() {
        double total = 0;
        for (double value : kwh) {
            total += value;
        }
        return total;
    }

    /** NaN when empty. */
    public double maxKwh() {
        if (isEmpty()) {
            return Double.NaN;
        }
        double max = kwh[0];
        for (double value : kwh) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** NaN when empty. */
    public double minKwh() {
        if (isEmpty()) {
            return Double.NaN;
        }
        double min = kwh[0];
        for (double value : kwh) {
            min = Math.min(min, value);
        }
        return min;
    }

    /** Points with fromInclusive &lt;= time &lt; toExclusive. */
    public HalfHourlySeries slice(Instant fromInclusive, Instant toExclusive) {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        int from = firstIndexAtOrAfter(fromInclusive);
        int to = firstIndexAtOrAfter(toExclusive);
        if (to <= from) {
            return EMPTY;
        }
        if (from == 0 && to == size()) {
            return this;
        }
        return new HalfHourlySeries(Arrays.copyOfRange(epochSeconds, from, to), Arrays.copyOfRange(kwh, from, to),
                false);
    }

    public long[] epochSecondsCopy() {
        return epochSeconds.clone();
    }

    public double[] kwhCopy() {
        return kwh.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HalfHourlySeries that
                && Arrays.equals(epochSeconds, that.epochSeconds)
                && Arrays.equals(kwh, that.kwh);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(epochSeconds) + Arrays.hashCode(kwh);
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "HalfHourlySeries[empty]";
        }
        return "HalfHourlySeries[" + size() + " points, " + instantAt(0) + " .. " + instantAt(size() - 1) + "]";
    }

    private int firstIndexAtOrAfter(Instant instant) {
        // Times are whole seconds, so a fractional instant behaves like the next whole second.
        long key = instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
        int low = 0;
        int high = epochSeconds.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (epochSeconds[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static void requireValid(long[] epochSeconds, double[] kwh) {
        if (epochSeconds.length != kwh.length) {
            throw new IllegalArgumentException("A series needs one kWh value per time: got " + epochSeconds.length
                    + " times and " + kwh.length + " values.");
        }
        for (int i = 1; i < epochSeconds.length; i++) {
            if (epochSeconds[i] <= epochSeconds[i - 1]) {
                throw new IllegalArgumentException("Series times must be strictly ascending, but point " + i + " ("
                        + Instant.ofEpochSecond(epochSeconds[i]) + ") is not after point " + (i - 1) + " ("
                        + Instant.ofEpochSecond(epochSeconds[i - 1]) + ").");
            }
        }
    }
}
