package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * The named features the detectors use, as plain functions over primitive arrays (no per-reading objects).
 *
 * <ul>
 *   <li>{@link #localCalendar local day and period}: each reading's London settlement day (relative to the window)
 *       and wall-clock half-hour slot 0..47, so profiles follow local behaviour across clock changes.</li>
 *   <li>{@link #profileIndex own weekday × period profile}: per meter, the median and MAD of baseline readings in each
 *       of 2 × 48 buckets (weekday or weekend, local slot). {@link #profileDeviation} is the robust deviation
 *       {@code (x − median) / (1.4826·MAD + 0.01 kWh)} from it.</li>
 *   <li>{@link #rollingZ rolling z-score}: {@code (x_t − mean) / sd} of the previous {@code w} readings (336 = one week),
 *       which catches sudden changes against the recent past.</li>
 *   <li>{@link #peerRatio ratio to the GSP peer group}: a day's total over the meter's own baseline daily level, divided
 *       by the median of the same ratio across the meter's GSP group that day. Near 1 for a normal day; it removes
 *       weather, holidays and season, which move all peers together.</li>
 *   <li>{@link #runLengths run lengths}: for each reading, the length of the run of identical values it belongs to;
 *       zero runs and stuck (identical non-zero) runs come from it.</li>
 * </ul>
 */
public final class Features {

    /** Bucket count of the weekday × period profile: weekday/weekend × 48 local half-hour slots. */
    public static final int PROFILE_BUCKETS = 96;
    static final long HALF_HOUR = 1800;
    static final long DAY = 86_400;

    private Features() {
    }

    /**
     * Fills {@code dayOut[i]} with the London-local date of reading i as days after {@code firstLocalEpochDay}, and
     * {@code slotOut[i]} with its local half-hour slot 0..47. Looks the UTC offset up only when a clock change is
     * crossed, so it costs a few operations per reading.
     */
    public static void localCalendar(long[] epochSeconds, long firstLocalEpochDay, int[] dayOut, byte[] slotOut) {
        ZoneRules rules = SettlementCalendar.LONDON.getRules();
        long validFrom = Long.MAX_VALUE;
        long validUntil = Long.MIN_VALUE;
        long offset = 0;
        for (int i = 0; i < epochSeconds.length; i++) {
            long t = epochSeconds[i];
            if (t < validFrom || t >= validUntil) {
                Instant instant = Instant.ofEpochSecond(t);
                offset = rules.getOffset(instant).getTotalSeconds();
                ZoneOffsetTransition next = rules.nextTransition(instant);
                ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
                validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
                validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            }
            long local = t + offset;
            dayOut[i] = (int) (Math.floorDiv(local, DAY) - firstLocalEpochDay);
            slotOut[i] = (byte) (Math.floorMod(local, DAY) / HALF_HOUR);
        }
    }

    /** Profile bucket of a reading: weekend days use buckets 48..95. */
    public static int profileIndex(boolean weekend, int slot) {
        return (weekend ? 48 : 0) + slot;
    }

    /** Robust deviation of {@code x} from a profile bucket's median and MAD, in robust standard deviations. */
    public static double profileDeviation(double x, double median, double mad) {
        return (x - median) / (1.4826 * mad + 0.01);
    }

    /**
     * Rolling z-score of every reading against the previous {@code window} readings (mean and population sd); 0 while
     * fewer than {@code window / 4} earlier readings exist, and 0 when the earlier readings do not vary.
     */
    public static double[] rollingZ(double[] x, int window) {
        double[] z = new double[x.length];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < x.length; i++) {
            int n = Math.min(i, window);
            if (n >= Math.max(2, window / 4)) {
                double mean = sum / n;
                double var = Math.max(0, sumSq / n - mean * mean);
                z[i] = var > 1e-12 ? (x[i] - mean) / Math.sqrt(var) : 0;
            }
            sum += x[i];
            sumSq += x[i] * x[i];
            if (i >= window) {
                sum -= x[i - window];
                sumSq -= x[i - window] * x[i - window];
            }
        }
        return z;
    }

    /**
     * Peer-adjusted level ratio of each day: {@code dailyTotal[d] / (ownBaseline × peerIndex[d])}, NaN where the day
     * is incomplete. The peer index is the GSP group's median of {@code dailyTotal / ownBaseline} that day.
     */
    public static double[] peerRatio(double[] dailyTotal, double ownBaseline, double[] peerIndex) {
        double[] r = new double[dailyTotal.length];
        for (int d = 0; d < r.length; d++) {
            double peer = peerIndex[d] > 0 ? peerIndex[d] : 1;
            r[d] = ownBaseline > 0 ? dailyTotal[d] / (ownBaseline * peer) : Double.NaN;
        }
        return r;
    }

    /** For each reading, the length of the maximal run of exactly equal consecutive values that contains it. */
    public static int[] runLengths(double[] x) {
        int[] runs = new int[x.length];
        int start = 0;
        for (int i = 1; i <= x.length; i++) {
            if (i == x.length || x[i] != x[start]) {
                Arrays.fill(runs, start, i, i - start);
                start = i;
            }
        }
        return runs;
    }

    /**
     * Median of {@code values[0..n)}; NaN when n is 0. Reorders the array. By selection rather than sorting: rescoring
     * takes hundreds of thousands of medians (every profile bucket of every meter), and a full sort was its largest cost.
     */
    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int upper = n / 2;
        double high = select(values, n, upper);
        if (n % 2 == 1) {
            return high;
        }
        // After selection every value left of 'upper' is no greater than it: the lower middle is their maximum.
        double low = values[0];
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, values[i]);
        }
        return 0.5 * (low + high);
    }

    /**
     * The k-th smallest of values[0..n) (k from 0), leaving no greater value left of k. Three-way partitions, so runs of
     * equal readings (a meter reading zero for weeks) cannot make it quadratic.
     */
    private static double select(double[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            double a = v[lo];
            double b = v[mid];
            double c = v[hi];
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            // v[lo..lt) < pivot, v[lt..i) == pivot, v(gt..hi] > pivot
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                if (v[i] < pivot) {
                    swap(v, lt++, i++);
                } else if (v[i] > pivot) {
                    swap(v, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double x = v[i];
            int j = i - 1;
            while (j >= lo && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
        return v[k];
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    /** Pearson correlation of two equally long arrays; 0 when either is constant. */
    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }
}
