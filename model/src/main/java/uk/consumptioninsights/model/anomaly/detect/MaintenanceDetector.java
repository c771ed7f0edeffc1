package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Maintenance: a meter that needs calibration.
 *
 * <ul>
 *   <li>drift: over some {@value #MIN_DRIFT_DAYS}–{@value #MAX_DRIFT_DAYS} days the {@link Features#peerRatio
 *       peer-adjusted level ratio} climbs steadily (least-squares slope with t ≥ {@value #MIN_SLOPE_T}) and its last
 *       third sits at least {@value #MIN_EXCESS} above the usual level. The day level is robust to heavy loads (each
 *       reading capped at {@value #LEVEL_CAP_FACTOR} × its profile + {@value #LEVEL_CAP_KWH} kWh, see
 *       {@link #robustLevelRatio}). Drift starts from the usual level, so the window is also fitted by a ramp anchored
 *       at 1 on the day before it ({@code r − 1 = k (x + 1)}); rise = k × days must be at least {@value #MIN_EXCESS}.
 *       Score = min(1, rise / 0.5) × min(1, t_anchored / {@value #T_FULL}), × 0.3 when the rise is above
 *       {@value #MAX_EXCESS} (a change of use rather than drift): ranked by the ramp's significance and size, so a
 *       recovery from a low spell, a step change or a noisy meter (which fit an anchored ramp badly) rank low.</li>
 *   <li>repeated outliers: the same UTC half-hour reads at least 2.5 × its profile and 0.5 kWh above it, with both
 *       neighbouring half-hours normal, on at least {@value #MIN_OUTLIER_DAYS} days no more than 3 days apart.
 *       Score = min(1, days / 10) × the share of days in the span that were hit.</li>
 * </ul>
 */
public final class MaintenanceDetector implements AnomalyDetector {

    static final int MIN_DRIFT_DAYS = 10;
    static final int MAX_DRIFT_DAYS = 45;
    static final double MIN_SLOPE_T = 3;
    static final double MIN_EXCESS = 0.2;
    static final int MIN_OUTLIER_DAYS = 5;
    /** A rise beyond this is a change of use, not calibration drift, and scores 0.3 × as much. */
    static final double MAX_EXCESS = 1.2;
    static final double LEVEL_CAP_FACTOR = 2.5;
    static final double LEVEL_CAP_KWH = 0.2;
    /**
     * Anchored-ramp t-statistic at which the significance factor saturates. Kept high so that ranking follows how
     * significant the ramp is, instead of tying every merely significant rise at 1.
     */
    static final double T_FULL = 16;

    @Override
    public AnomalyType type() {
        return AnomalyType.MAINTENANCE;
    }

    @Override
    public String name() {
        return "rules.maintenance.v1";
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        List<Detection> out = new ArrayList<>();
        drift(context, meterIndex, out);
        repeatedOutliers(context.meters[meterIndex], out);
        return out;
    }

    private void drift(FleetContext context, int meterIndex, List<Detection> out) {
        MeterBaseline b = context.meters[meterIndex];
        double[] ratio = context.levelRatio(meterIndex);
        int days = ratio.length;
        double[] r = robustLevelRatio(context, b, ratio);
        double[] s1 = new double[days + 1];
        double[] sd = new double[days + 1];
        double[] s2 = new double[days + 1];
        for (int d = 0; d < days; d++) {
            s1[d + 1] = s1[d] + r[d];
            sd[d + 1] = sd[d] + d * r[d];
            s2[d + 1] = s2[d] + r[d] * r[d];
        }
        int firstScored = context.calendar.wholeWindowIsBaseline ? 0 : context.calendar.scoreFromDay;
        double best = 0;
        int bestFrom = -1;
        int bestTo = -1;
        double bestExcess = 0;
        double bestT = 0;
        for (int length = MIN_DRIFT_DAYS; length <= Math.min(MAX_DRIFT_DAYS, days); length++) {
            double n = length;
            for (int from = 0; from + length <= days; from++) {
                int to = from + length;
                if (to <= firstScored) {
                    continue;
                }
                double sumY = s1[to] - s1[from];
                double sumXY = (sd[to] - sd[from]) - from * sumY; // x = d - from
                double sumYY = s2[to] - s2[from];
                double meanX = (n - 1) / 2;
                double sxx = n * (n * n - 1) / 12;
                double sxy = sumXY - meanX * sumY;
                double syy = sumYY - sumY * sumY / n;
                double slope = sxy / sxx;
                if (slope <= 0) {
                    continue;
                }
                double rss = Math.max(1e-9, syy - slope * sxy);
                double se = Math.sqrt(rss / (n - 2) / sxx);
                double tStat = slope / se;
                int third = Math.max(3, length / 3);
                double lastThird = (s1[to] - s1[to - third]) / third - 1;
                if (tStat < MIN_SLOPE_T || lastThird < MIN_EXCESS) {
                    continue;
                }
                // Anchored ramp: calibration drift starts from the usual level, so fit r - 1 = k (x + 1) through it.
                double sxyA = sumXY + sumY - n * (n + 1) / 2;
                double sxxA = n * (n + 1) * (2 * n + 1) / 6;
                double syyA = sumYY - 2 * sumY + n;
                double k = sxyA / sxxA;
                double rssA = Math.max(1e-9, syyA - k * sxyA);
                double tA = k / Math.sqrt(rssA / (n - 1) / sxxA);
                double rise = k * n;
                if (!(rise >= MIN_EXCESS)) {
                    continue;
                }
                double score = Math.min(1, rise / 0.5) * Math.min(1, tA / T_FULL) * (rise > MAX_EXCESS ? 0.3 : 1);
                if (score > best) {
                    best = score;
                    bestFrom = from;
                    bestTo = to;
                    bestExcess = rise;
                    bestT = tA;
                }
            }
        }
        if (bestFrom < 0) {
            return;
        }
        long[] t = b.meter.epochSecondsView();
        int first = -1;
        int last = -1;
        double expected = 0;
        double actual = 0;
        double[] peer = context.group(b.meter.gspGroup()).peerIndex;
        for (int i = 0; i < t.length; i++) {
            if (b.day[i] >= bestFrom && b.day[i] < bestTo) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        for (int d = bestFrom; d < bestTo; d++) {
            if (Double.isFinite(ratio[d])) {
                expected += b.baselineDaily * peer[d];
                actual += b.dailyTotal[d];
            }
        }
        if (first < 0) {
            return;
        }
        String reason = String.format(Locale.UK,
                "Readings crept upwards over %d days, ending %.0f%% above this meter's usual level allowing for its "
                        + "GSP group peers (a steady ramp from the usual level, t = %.1f), as a meter drifting out of "
                        + "calibration does", bestTo - bestFrom, 100 * bestExcess, bestT);
        out.add(new Detection(b.meter.meterKey(), type(), "drift", Detection.severityFor(type(), best), best,
                Instant.ofEpochSecond(t[first]), Instant.ofEpochSecond(t[last] + Features.HALF_HOUR), expected, actual, reason));
    }

    /**
     * A day's level robust to occasional heavy loads: each reading is capped at {@value #LEVEL_CAP_FACTOR} × its
     * profile value + {@value #LEVEL_CAP_KWH} kWh before summing (calibration drift scales every reading by a little; an
     * EV charge or a repeated outlier lifts a few readings by a lot), divided by the median capped total of the baseline
     * days and by the GSP group's peer index. 1 where the day is incomplete.
     */
    static double[] robustLevelRatio(FleetContext context, MeterBaseline b, double[] ratio) {
        int days = ratio.length;
        double[] x = b.meter.kwhView();
        double[] capped = new double[days];
        for (int i = 0; i < x.length; i++) {
            int d = b.day[i];
            if (d >= 0 && d < days && ReadingFlag.isPlausible(x[i])) {
                capped[d] += Math.min(x[i], LEVEL_CAP_FACTOR * b.expected(i) + LEVEL_CAP_KWH);
            }
        }
        double[] base = new double[days];
        int nb = 0;
        for (int d = 0; d < days; d++) {
            if (context.calendar.isBaselineDay(d) && Double.isFinite(ratio[d])) {
                base[nb++] = capped[d];
            }
        }
        double baseline = Features.median(base, nb);
        double[] peer = context.group(b.meter.gspGroup()).peerIndex;
        double[] r = new double[days];
        for (int d = 0; d < days; d++) {
            double p = peer[d] > 0 ? peer[d] : 1;
            r[d] = Double.isFinite(ratio[d]) && baseline > 0 ? capped[d] / (baseline * p) : 1;
        }
        return r;
    }

    private void repeatedOutliers(MeterBaseline b, List<Detection> out) {
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        int[] runCount = new int[48];
        long[] runFirstDay = new long[48];
        long[] lastDay = new long[48];
        int[] runFirstIndex = new int[48];
        int[] runLastIndex = new int[48];
        double[] runExpected = new double[48];
        double[] runActual = new double[48];
        double[] runFactor = new double[48];
        for (int i = 0; i < x.length; i++) {
            double e = b.expected(i);
            // Implausible readings are a malfunction, reported as such, not a calibration symptom.
            if (!(x[i] >= 2.5 * e && x[i] - e >= 0.5) || !ReadingFlag.isPlausible(x[i])) {
                continue;
            }
            if (i > 0 && t[i] - t[i - 1] == Features.HALF_HOUR && x[i - 1] >= 2 * b.expected(i - 1) + 0.2) {
                continue;
            }
            if (i + 1 < x.length && t[i + 1] - t[i] == Features.HALF_HOUR && x[i + 1] >= 2 * b.expected(i + 1) + 0.2) {
                continue;
            }
            int slot = (int) (Math.floorMod(t[i], Features.DAY) / Features.HALF_HOUR);
            long day = Math.floorDiv(t[i], Features.DAY);
            if (runCount[slot] > 0 && day - lastDay[slot] > 3) {
                emit(b, slot, runCount, runFirstDay, lastDay, runFirstIndex, runLastIndex, runExpected, runActual, runFactor, out);
            }
            if (runCount[slot] == 0) {
                runFirstDay[slot] = day;
                runFirstIndex[slot] = i;
                runExpected[slot] = 0;
                runActual[slot] = 0;
                runFactor[slot] = 0;
            }
            runCount[slot]++;
            lastDay[slot] = day;
            runLastIndex[slot] = i;
            runExpected[slot] += e;
            runActual[slot] += x[i];
            runFactor[slot] += x[i] / Math.max(e, 0.01);
        }
        for (int slot = 0; slot < 48; slot++) {
            if (runCount[slot] > 0) {
                emit(b, slot, runCount, runFirstDay, lastDay, runFirstIndex, runLastIndex, runExpected, runActual, runFactor, out);
            }
        }
    }

    private void emit(MeterBaseline b, int slot, int[] runCount, long[] runFirstDay, long[] lastDay, int[] runFirstIndex,
                      int[] runLastIndex, double[] runExpected, double[] runActual, double[] runFactor, List<Detection> out) {
        int count = runCount[slot];
        runCount[slot] = 0;
        if (count < MIN_OUTLIER_DAYS) {
            return;
        }
        long span = lastDay[slot] - runFirstDay[slot] + 1;
        double score = Math.min(1, count / 10.0) * Math.min(1, (double) count / span);
        long[] t = b.meter.epochSecondsView();
        String time = String.format(Locale.UK, "%02d:%02d UTC", slot / 2, slot % 2 * 30);
        String reason = String.format(Locale.UK,
                "The half-hour starting %s read on average %.1f× its usual level on %d of %d days, while the half-hours "
                        + "around it were normal: a repeated outlier rather than real use", time, runFactor[slot] / count, count, span);
        out.add(new Detection(b.meter.meterKey(), type(), "repeated_outliers", Detection.severityFor(type(), score), score,
                Instant.ofEpochSecond(t[runFirstIndex[slot]]), Instant.ofEpochSecond(t[runLastIndex[slot]] + Features.HALF_HOUR),
                runExpected[slot], runActual[slot], reason));
    }
}
