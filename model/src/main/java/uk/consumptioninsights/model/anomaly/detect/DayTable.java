package uk.consumptioninsights.model.anomaly.detect;

import java.util.Arrays;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * One meter's plausible readings laid out by London local day and slot, with the per-day figures the shape detectors
 * compare: total, baseload (mean of the day's {@value #BASE_READINGS} lowest readings), peak (mean of its
 * {@value #BASE_READINGS} highest), flatness ((max − min) / mean),
 * relative roughness (mean |Δx| / mean, unchanged when a day is scaled), the longest run of exact zeros and the count of
 * zeros. A day is complete with at least {@value MeterBaseline#MIN_READINGS_PER_DAY} plausible readings.
 */
final class DayTable {

    static final int BASE_READINGS = 8;

    final int days;
    /** days × 48 local slots; NaN where there is no plausible reading (a 50-period day averages its repeated hour). */
    final double[][] slots;
    final boolean[] complete;
    /** Each day's plausible readings in ascending order. */
    final double[][] sorted;
    final double[] total;
    final double[] base;
    final double[] peak;
    final double[] flatness;
    final double[] roughness;
    final int[] longestZeroRun;
    final int[] zeros;

    DayTable(MeterBaseline b, int dayCount) {
        this.days = dayCount;
        double[] x = b.meter.kwhView();
        int[] count = new int[dayCount];
        for (int i = 0; i < x.length; i++) {
            int d = b.day[i];
            if (d >= 0 && d < dayCount && ReadingFlag.isPlausible(x[i])) {
                count[d]++;
            }
        }
        double[][] values = new double[dayCount][];
        for (int d = 0; d < dayCount; d++) {
            values[d] = new double[count[d]];
        }
        slots = new double[dayCount][48];
        int[][] slotCount = new int[dayCount][48];
        int[] fill = new int[dayCount];
        for (int i = 0; i < x.length; i++) {
            int d = b.day[i];
            if (d >= 0 && d < dayCount && ReadingFlag.isPlausible(x[i])) {
                values[d][fill[d]++] = x[i];
                slots[d][b.slot[i]] += x[i];
                slotCount[d][b.slot[i]]++;
            }
        }
        complete = new boolean[dayCount];
        sorted = new double[dayCount][];
        total = new double[dayCount];
        base = new double[dayCount];
        peak = new double[dayCount];
        flatness = new double[dayCount];
        roughness = new double[dayCount];
        longestZeroRun = new int[dayCount];
        zeros = new int[dayCount];
        for (int d = 0; d < dayCount; d++) {
            for (int s = 0; s < 48; s++) {
                slots[d][s] = slotCount[d][s] == 0 ? Double.NaN : slots[d][s] / slotCount[d][s];
            }
            double[] v = values[d];
            complete[d] = v.length >= MeterBaseline.MIN_READINGS_PER_DAY;
            if (v.length == 0) {
                continue;
            }
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            double steps = 0;
            int run = 0;
            for (int k = 0; k < v.length; k++) {
                sum += v[k];
                max = Math.max(max, v[k]);
                min = Math.min(min, v[k]);
                if (k > 0) {
                    steps += Math.abs(v[k] - v[k - 1]);
                }
                if (v[k] == 0) {
                    zeros[d]++;
                    longestZeroRun[d] = Math.max(longestZeroRun[d], ++run);
                } else {
                    run = 0;
                }
            }
            double mean = sum / v.length;
            total[d] = sum;
            flatness[d] = mean > 0 ? (max - min) / mean : Double.NaN;
            roughness[d] = mean > 0 && v.length > 1 ? steps / (v.length - 1) / mean : Double.NaN;
            double[] ascending = v.clone();
            Arrays.sort(ascending);
            sorted[d] = ascending;
            double low = 0;
            double high = 0;
            int n = Math.min(BASE_READINGS, ascending.length);
            for (int k = 0; k < n; k++) {
                low += ascending[k];
                high += ascending[ascending.length - 1 - k];
            }
            base[d] = low / n;
            peak[d] = high / n;
        }
    }

    /** The median per slot over the given days: the meter's usual shape then. */
    double[] profile(int[] dayList, int n) {
        double[] profile = new double[48];
        double[] column = new double[n];
        for (int s = 0; s < 48; s++) {
            int m = 0;
            for (int k = 0; k < n; k++) {
                double v = slots[dayList[k]][s];
                if (!Double.isNaN(v)) {
                    column[m++] = v;
                }
            }
            profile[s] = m == 0 ? Double.NaN : Features.median(column, m);
        }
        return profile;
    }

    /** Pearson correlation of day d's shape with {@code profile} (read backwards when {@code reversed}), NaN-safe. */
    double correlation(int d, double[] profile, boolean reversed) {
        double[] a = new double[48];
        double[] p = new double[48];
        int n = 0;
        for (int s = 0; s < 48; s++) {
            double v = slots[d][s];
            double q = profile[reversed ? 47 - s : s];
            if (!Double.isNaN(v) && !Double.isNaN(q)) {
                a[n] = v;
                p[n++] = q;
            }
        }
        return n < 10 ? Double.NaN : Features.correlation(Arrays.copyOf(a, n), Arrays.copyOf(p, n));
    }
}
