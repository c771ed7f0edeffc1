package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Theft / bypass: a sustained drop against the meter's own baseline <em>and</em> its peers while the daily shape
 * remains. A day is low when its {@link Features#peerRatio peer-adjusted level ratio} is below {@value #LOW_RATIO}
 * and fewer than half its readings are zero (an empty house or dead meter reads zero; a bypass still records a
 * scaled-down load). Runs of low days, bridging up to {@value #MAX_GAP_DAYS} consecutive normal days, of at least
 * {@value #MIN_DAYS} days are flagged when the run's median day ratio is at least {@value #MIN_DROP} below 1.
 * Score = depth (drop = 1 − median day ratio, / 0.8, at most 1) × duration (days / 10, at most 1) × shape (correlation
 * of the run's per-slot median daily shape with the meter's own profile, mapped from 0.3..0.9 to 0.2..1). Medians, not
 * means, so occasional heavy-load days (still scaled down by a bypass) neither mask the drop nor distort the shape.
 */
public final class TheftDetector implements AnomalyDetector {

    static final double LOW_RATIO = 0.7;
    static final int MIN_DAYS = 5;
    /**
     * The run's typical day (median of its day ratios) must be at least this far below the expected level. The median
     * rather than the run total, so that a few heavy-load days inside a bypass (an EV charge still shows, scaled down)
     * do not hide it.
     */
    static final double MIN_DROP = 0.15;
    /** Up to this many consecutive normal days (a weekend) inside a run of low days are bridged. */
    static final int MAX_GAP_DAYS = 2;

    @Override
    public AnomalyType type() {
        return AnomalyType.THEFT_BYPASS;
    }

    @Override
    public String name() {
        return "rules.theft.v1";
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        double[] r = context.levelRatio(meterIndex);
        int days = r.length;
        List<Detection> out = new ArrayList<>();
        if (!(b.baselineDaily > 0)) {
            return out;
        }
        double[] x = b.meter.kwhView();
        int[] zeros = new int[days];
        int[] firstIndex = new int[days];
        int[] lastIndex = new int[days];
        java.util.Arrays.fill(firstIndex, -1);
        for (int i = 0; i < x.length; i++) {
            int d = b.day[i];
            if (d < 0 || d >= days) {
                continue;
            }
            if (x[i] == 0) {
                zeros[d]++;
            }
            if (firstIndex[d] < 0) {
                firstIndex[d] = i;
            }
            lastIndex[d] = i;
        }
        boolean[] low = new boolean[days];
        for (int d = context.calendar.wholeWindowIsBaseline ? 0 : context.calendar.scoreFromDay; d < days; d++) {
            low[d] = r[d] < LOW_RATIO && firstIndex[d] >= 0 && zeros[d] * 2 < lastIndex[d] - firstIndex[d] + 1;
        }
        int d = 0;
        while (d < days) {
            if (!low[d]) {
                d++;
                continue;
            }
            int e = d + 1;
            while (e < days && (low[e] || lowWithin(low, e + 1, MAX_GAP_DAYS))) {
                e++;
            }
            int length = e - d;
            if (length >= MIN_DAYS) {
                Detection found = flag(context, b, r, d, e, firstIndex, lastIndex);
                if (found != null) {
                    out.add(found);
                }
            }
            d = e;
        }
        return out;
    }

    /** Whether any of the {@code n} days from {@code from} is low (so a gap before it can be bridged). */
    private static boolean lowWithin(boolean[] low, int from, int n) {
        for (int d = from; d < Math.min(low.length, from + n); d++) {
            if (low[d]) {
                return true;
            }
        }
        return false;
    }

    /** The run's detection, or null when its typical day is not at least {@link #MIN_DROP} below the usual level. */
    private Detection flag(FleetContext context, MeterBaseline b, double[] r, int from, int to, int[] firstIndex,
                           int[] lastIndex) {
        double[] x = b.meter.kwhView();
        long[] t = b.meter.epochSecondsView();
        double[] peer = context.group(b.meter.gspGroup()).peerIndex;
        double expected = 0;
        double actual = 0;
        // Per slot, the run's readings; the run's shape is their median, comparable with the profile's median.
        double[][] slotValues = new double[48][4 * (to - from) + 4];
        int[] shapeCount = new int[48];
        double[] dayRatios = new double[to - from];
        int finiteDays = 0;
        int first = -1;
        int last = -1;
        for (int d = from; d < to; d++) {
            if (firstIndex[d] < 0) {
                continue;
            }
            first = first < 0 ? firstIndex[d] : first;
            last = lastIndex[d];
            for (int i = firstIndex[d]; i <= lastIndex[d]; i++) {
                int s = b.slot[i];
                if (shapeCount[s] < slotValues[s].length) {
                    slotValues[s][shapeCount[s]++] = x[i];
                }
            }
            if (Double.isFinite(r[d])) {
                expected += b.baselineDaily * peer[d];
                actual += b.dailyTotal[d];
                dayRatios[finiteDays++] = r[d];
            }
        }
        double[] shape = new double[48];
        double[] usual = new double[48];
        for (int s = 0; s < 48; s++) {
            shape[s] = shapeCount[s] == 0 ? 0 : Features.median(slotValues[s], shapeCount[s]);
            usual[s] = (5 * b.profileMedian[s] + 2 * b.profileMedian[48 + s]) / 7;
        }
        double corr = Features.correlation(shape, usual);
        double drop = finiteDays == 0 ? 0 : 1 - Features.median(dayRatios, finiteDays);
        if (first < 0 || !(drop >= MIN_DROP)) {
            return null;
        }
        int days = to - from;
        double score = Math.min(1, Math.max(0, drop) / 0.8) * Math.min(1, days / 10.0)
                * (0.2 + 0.8 * Math.max(0, Math.min(1, (corr - 0.3) / 0.6)));
        String reason = String.format(Locale.UK,
                "Consumption %.0f%% below this meter's usual level, allowing for its GSP group peers, for %d days while its "
                        + "daily shape %s (correlation %.2f with its usual profile)",
                100 * drop, days, corr >= 0.8 ? "stayed the same" : corr >= 0.5 ? "stayed broadly similar" : "changed", corr);
        return new Detection(b.meter.meterKey(), type(), "sustained_drop", Detection.severityFor(type(), score),
                Math.max(0, Math.min(1, score)), Instant.ofEpochSecond(t[first]),
                Instant.ofEpochSecond(t[last] + Features.HALF_HOUR), expected, actual, reason);
    }
}
