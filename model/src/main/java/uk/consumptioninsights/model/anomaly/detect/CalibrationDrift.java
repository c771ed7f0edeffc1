package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Calibration drift: every reading scaled by a gain that climbs steadily from 1, holds, and (once the meter is
 * recalibrated or exchanged) returns to 1.
 *
 * <p>A household's own level wanders by ±20–30 % from week to week, far more than the peer index explains, so drift
 * is judged against the meter itself, three ways:
 * <ol>
 *   <li><b>Ramp against both sides.</b> Each window of a {@value #MIN_RAMP_DAYS}–{@value #MAX_RAMP_DAYS}-day ramp and a
 *       0–{@value #MAX_HOLD_DAYS}-day hold is fitted by gain {@code 1 + e·min(1, (x + 1) / ramp)} against the
 *       geometric mean of the median day level in the {@value #REFERENCE_DAYS} days before and after it. A season or
 *       a new appliance that stays has different levels before and after and scores down by the gap between them
 *       ({@code 1 − |ln(after / before)| / }{@value #MAX_RETURN_GAP}); where the data end before any "after", the
 *       window is judged on the days before only and scores half. Significance t = e / (residual s.d. / √Σf²) with
 *       the residuals of the window and of the reference days, so a meter that wanders a lot needs a larger, cleaner
 *       ramp. Window score = min(1, e / 0.3) × min(1, t / {@value #T_FULL}) × the return factor.</li>
 *   <li><b>Unlike the meter's other weeks.</b> An ordinary household has bumps too; the score is the best window's
 *       minus the best window's elsewhere in the same meter (at least {@value #SEPARATION_DAYS} days away), so only a
 *       rise that stands out from the meter's own history ranks high.</li>
 *   <li><b>Proportional.</b> A gain scales standby, ordinary and peak readings alike, heating or a new appliance does
 *       not: the day's sorted readings in the high-gain part are compared with the reference days' in three bands
 *       (lowest quarter, middle half, top quarter); the score is multiplied by
 *       {@code max(0, 1 − max|ln(band ratio) − ln(1 + e)| / }{@value #MAX_BAND_GAP}{@code )}.</li>
 * </ol>
 * A window that a step (at its best day) fits better than the ramp is a household changing, not a gain drifting, and
 * scores by min(1, step residual / ramp residual); a rise the GSP group's peer index shares over the same window (the
 * same ramp fitted to it) is the weather, and scores by 1 − shared rise / rise. Scores below {@value #MIN_SCORE} are
 * not reported. A fitted rise above {@value #MAX_GAIN} is a change of use rather
 * than drift and scores 0.3 × as much. Day levels cap
 * each reading at 2.5 × its profile + 0.2 kWh so that one heavy load does not make a day.
 */
final class CalibrationDrift {

    /**
     * Below this a ramp is as likely the household's own wandering as drift: not reported, so that the list is not
     * filled with a weak "drift" for most meters (the default synthetic workspace had one for 1,885 of its 2,000
     * meters, 700 of them from 0.1 to 0.2; on the real tuning half every drift this drops scored below 0.1).
     */
    static final double MIN_SCORE = 0.2;
    static final int MIN_RAMP_DAYS = 10;
    static final int MAX_RAMP_DAYS = 40;
    static final int MAX_HOLD_DAYS = 16;
    static final int REFERENCE_DAYS = 28;
    static final int MIN_REFERENCE_DAYS = 10;
    static final int SEPARATION_DAYS = 14;
    static final double MIN_GAIN = 0.12;
    static final double MAX_GAIN = 1.0;
    static final double FULL_GAIN = 0.3;
    static final double T_FULL = 6;
    static final double MAX_RETURN_GAP = 0.3;
    static final double MAX_BAND_GAP = 0.3;
    static final double MIN_COVERAGE = 0.7;
    private static final double LEVEL_CAP_FACTOR = 2.5;
    private static final double LEVEL_CAP_KWH = 0.2;

    private CalibrationDrift() {
    }

    /** A fitted window: days [from, to), ramp length, fitted rise e, significance and window score. */
    private record Window(int from, int to, int ramp, double gain, double t, double score, boolean returned) {
    }

    static Detection find(FleetContext context, MeterBaseline b, DayTable table) {
        double[] level = dayLevels(context, b, table);
        int days = level.length;
        Sums sums = new Sums(level);
        double[] before = new double[days + 1];
        double[] after = new double[days + 1];
        for (int d = 0; d <= days; d++) {
            before[d] = medianLevel(level, d - REFERENCE_DAYS, d);
            after[d] = medianLevel(level, d, d + REFERENCE_DAYS);
        }
        int firstScored = context.calendar.wholeWindowIsBaseline ? 0 : context.calendar.scoreFromDay;
        Window[] bestFrom = new Window[days];
        for (int a = 0; a < days; a++) {
            if (Double.isNaN(before[a])) {
                continue;
            }
            for (int ramp = MIN_RAMP_DAYS; ramp <= MAX_RAMP_DAYS; ramp += 2) {
                for (int hold = 0; hold <= MAX_HOLD_DAYS && a + ramp + hold <= days; hold += 2) {
                    Window w = fit(sums, before[a], after[a + ramp + hold], a, ramp, hold,
                            bestFrom[a] == null ? 0 : bestFrom[a].score);
                    if (w != null) {
                        bestFrom[a] = w;
                    }
                }
            }
        }
        Window best = null;
        for (Window w : bestFrom) {
            if (w != null && (best == null || w.score > best.score)) {
                best = w;
            }
        }
        if (best == null || best.to <= firstScored) {
            return null;
        }
        double elsewhere = 0;
        for (Window w : bestFrom) {
            if (w != null && (w.to + SEPARATION_DAYS <= best.from || w.from >= best.to + SEPARATION_DAYS)) {
                elsewhere = Math.max(elsewhere, w.score);
            }
        }
        double[] bands = bandRatios(table, level, best);
        double bandGap = 0;
        for (double ratio : bands) {
            bandGap = Math.max(bandGap, Math.abs(Math.log(ratio) - Math.log(1 + best.gain)));
        }
        double shared = sharedWithPeers(context.group(b.meter.gspGroup()).peerIndex, best);
        double score = Math.max(0, best.score - elsewhere) * Math.max(0, 1 - bandGap / MAX_BAND_GAP)
                * rampOverStep(level, before[best.from], after[best.to], best) * Math.max(0, 1 - shared / best.gain);
        if (!(score >= MIN_SCORE)) {
            return null;
        }
        return detection(b, level, best, score, elsewhere, bands);
    }

    /** Capped complete-day level (kWh per 48 half-hours); NaN for an incomplete or dead day. */
    private static double[] dayLevels(FleetContext context, MeterBaseline b, DayTable table) {
        double[] x = b.meter.kwhView();
        double[] level = new double[table.days];
        int[] count = new int[table.days];
        for (int i = 0; i < x.length; i++) {
            int d = b.day[i];
            if (d >= 0 && d < table.days && ReadingFlag.isPlausible(x[i])) {
                level[d] += Math.min(x[i], LEVEL_CAP_FACTOR * b.expected(i) + LEVEL_CAP_KWH);
                count[d]++;
            }
        }
        for (int d = 0; d < table.days; d++) {
            boolean usable = table.complete[d] && table.zeros[d] < TheftDetector.DEAD_DAY_ZEROS;
            level[d] = usable ? level[d] * 48 / count[d] : Double.NaN;
        }
        return level;
    }

    private static double medianLevel(double[] level, int from, int to) {
        double[] v = new double[REFERENCE_DAYS];
        int n = 0;
        for (int d = Math.max(0, from); d < Math.min(level.length, to); d++) {
            if (!Double.isNaN(level[d])) {
                v[n++] = level[d];
            }
        }
        double m = n >= MIN_REFERENCE_DAYS ? Features.median(v, n) : Double.NaN;
        return m > 0 ? m : Double.NaN;
    }

    /** The window fitted, or null when it scores no more than {@code toBeat} (checked as early as possible: this is the hot loop). */
    private static Window fit(Sums s, double before, double after, int a, int ramp, int hold, double toBeat) {
        int b = a + ramp + hold;
        int h = a + ramp;
        double n = s.count(a, b);
        if (n < MIN_COVERAGE * (b - a)) {
            return null;
        }
        boolean returned = !Double.isNaN(after);
        double ref = returned ? Math.sqrt(before * after) : before;
        // f(d) = (d - a + 1) / ramp on the ramp, 1 on the hold; w(d) = level / ref - 1.
        double c = a - 1;
        double nr = s.count(a, h);
        double sumF = (s.day(a, h) - c * nr) / ramp + s.count(h, b);
        double sumFF = (s.daySquared(a, h) - 2 * c * s.day(a, h) + c * c * nr) / ((double) ramp * ramp) + s.count(h, b);
        double sumLF = (s.dayLevel(a, h) - c * s.level(a, h)) / ramp + s.level(h, b);
        double sumWF = sumLF / ref - sumF;
        double gain = sumWF / sumFF;
        if (!(gain >= MIN_GAIN)) {
            return null;
        }
        double returnFactor = returned ? Math.max(0, 1 - Math.abs(Math.log(after / before)) / MAX_RETURN_GAP) : 0.5;
        double bound = Math.min(1, gain / FULL_GAIN) * returnFactor * (gain > MAX_GAIN ? 0.3 : 1);
        if (!(bound > toBeat)) {
            return null;
        }
        double sumWW = s.levelSquared(a, b) / (ref * ref) - 2 * s.level(a, b) / ref + n;
        double rss = Math.max(0, sumWW - 2 * gain * sumWF + gain * gain * sumFF);
        int r0 = Math.max(0, a - REFERENCE_DAYS);
        int r1 = Math.min(s.days, b + REFERENCE_DAYS);
        double refN = s.count(r0, a) + (returned ? s.count(b, r1) : 0);
        double refL = s.level(r0, a) + (returned ? s.level(b, r1) : 0);
        double refLL = s.levelSquared(r0, a) + (returned ? s.levelSquared(b, r1) : 0);
        rss += Math.max(0, refLL / (ref * ref) - 2 * refL / ref + refN);
        double sd = Math.sqrt(rss / Math.max(1, n + refN - 1));
        double t = gain / Math.max(1e-6, sd / Math.sqrt(sumFF));
        double score = bound * Math.min(1, t / T_FULL);
        return score > toBeat ? new Window(a, b, ramp, gain, t, score, returned) : null;
    }

    /**
     * The rise the GSP group's meters share over the same window: the same ramp fitted to the group's daily peer index
     * (0 when it did not rise). Weather moves a whole region; a meter's calibration moves that meter only.
     */
    private static double sharedWithPeers(double[] peerIndex, Window w) {
        double[] peer = new double[peerIndex.length];
        for (int d = 0; d < peer.length; d++) {
            peer[d] = peerIndex[d] > 0 ? peerIndex[d] : Double.NaN;
        }
        double before = medianLevel(peer, w.from - REFERENCE_DAYS, w.from);
        double after = w.returned ? medianLevel(peer, w.to, w.to + REFERENCE_DAYS) : Double.NaN;
        if (Double.isNaN(before)) {
            return 0;
        }
        Window group = fit(new Sums(peer), before, after, w.from, w.ramp, w.to - w.from - w.ramp, -1);
        return group == null ? 0 : group.gain;
    }

    /**
     * How much better a ramp explains the window than a step does: min(1, step residual / ramp residual), with the step
     * at its best day. A household that changes (moves in, starts heating) steps; a drifting gain ramps.
     */
    private static double rampOverStep(double[] level, double before, double after, Window w) {
        double ref = w.returned ? Math.sqrt(before * after) : before;
        int len = w.to - w.from;
        double[] dev = new double[len];
        double rampRss = 0;
        for (int k = 0; k < len; k++) {
            double v = level[w.from + k];
            dev[k] = Double.isNaN(v) ? Double.NaN : v / ref - 1;
            if (!Double.isNaN(dev[k])) {
                double fitted = w.gain * Math.min(1.0, (k + 1.0) / w.ramp);
                rampRss += (dev[k] - fitted) * (dev[k] - fitted);
            }
        }
        double stepRss = Double.POSITIVE_INFINITY;
        for (int change = 1; change < len; change++) {
            double sum = 0;
            int n = 0;
            for (int k = change; k < len; k++) {
                if (!Double.isNaN(dev[k])) {
                    sum += dev[k];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double rss = 0;
            for (int k = 0; k < len; k++) {
                if (!Double.isNaN(dev[k])) {
                    double e = dev[k] - (k >= change ? mean : 0);
                    rss += e * e;
                }
            }
            stepRss = Math.min(stepRss, rss);
        }
        return rampRss <= 0 ? 1 : Math.min(1, stepRss / rampRss);
    }

    /**
     * High-gain days over reference days for three bands of each day's sorted readings: lowest quarter (standby),
     * middle half, top quarter (peaks). Infinite when either side has no complete day.
     */
    private static double[] bandRatios(DayTable table, double[] level, Window w) {
        double[] reference = new double[48];
        double[] raised = new double[48];
        int nRef = 0;
        int nRaised = 0;
        for (int d = Math.max(0, w.from - REFERENCE_DAYS); d < Math.min(level.length, w.to + REFERENCE_DAYS); d++) {
            if (Double.isNaN(level[d]) || (d >= w.to && !w.returned)) {
                continue;
            }
            if (d < w.from || d >= w.to) {
                nRef += addResampled(table.sorted[d], reference);
            } else if (Math.min(1.0, (d - w.from + 1.0) / w.ramp) > 0.6) {
                nRaised += addResampled(table.sorted[d], raised);
            }
        }
        int[][] bands = {{0, 12}, {12, 36}, {36, 48}};
        double[] ratios = new double[bands.length];
        for (int k = 0; k < bands.length; k++) {
            double r = 0;
            double q = 0;
            for (int i = bands[k][0]; i < bands[k][1]; i++) {
                r += reference[i];
                q += raised[i];
            }
            ratios[k] = nRef == 0 || nRaised == 0 ? Double.POSITIVE_INFINITY
                    : Math.max(q / nRaised, 1e-3) / Math.max(r / nRef, 1e-3);
        }
        return ratios;
    }

    /** Adds the day's ascending readings, resampled to 48 points, to {@code into}; 1 if the day counted. */
    private static int addResampled(double[] ascending, double[] into) {
        int n = ascending.length;
        if (n < MeterBaseline.MIN_READINGS_PER_DAY) {
            return 0;
        }
        for (int k = 0; k < 48; k++) {
            double pos = k * (n - 1) / 47.0;
            int lo = (int) pos;
            int hi = Math.min(n - 1, lo + 1);
            into[k] += ascending[lo] + (ascending[hi] - ascending[lo]) * (pos - lo);
        }
        return 1;
    }

    private static Detection detection(MeterBaseline b, double[] level, Window w, double score, double elsewhere,
                                       double[] bands) {
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        int first = -1;
        int last = -1;
        double actual = 0;
        double expected = 0;
        for (int i = 0; i < t.length; i++) {
            int d = b.day[i];
            if (d >= w.from && d < w.to) {
                first = first < 0 ? i : first;
                last = i;
                if (ReadingFlag.isPlausible(x[i]) && !Double.isNaN(level[d])) {
                    actual += x[i];
                    expected += x[i] / (1 + w.gain * Math.min(1.0, (d - w.from + 1.0) / w.ramp));
                }
            }
        }
        if (first < 0) {
            return null;
        }
        String reason = String.format(Locale.UK,
                "Readings crept up steadily over %d days to %.0f%% above this meter's level in the %d days %s (t = %.1f); "
                        + "standby readings rose %+.0f%%, ordinary %+.0f%%, peaks %+.0f%% (a drifting meter scales all "
                        + "alike); the meter's largest rise elsewhere scored %.2f",
                w.ramp, 100 * w.gain, REFERENCE_DAYS, w.returned ? "before and after" : "before (its data end soon after)",
                w.t, 100 * (bands[0] - 1), 100 * (bands[1] - 1), 100 * (bands[2] - 1), elsewhere);
        AnomalyType type = AnomalyType.MAINTENANCE;
        return new Detection(b.meter.meterKey(), type, "drift", Detection.severityFor(type, score), score,
                Instant.ofEpochSecond(t[first]), Instant.ofEpochSecond(t[last] + Features.HALF_HOUR), expected, actual,
                reason);
    }

    /** Prefix sums over the usable days, so each window is fitted in constant time. */
    private static final class Sums {
        final int days;
        private final double[] count;
        private final double[] level;
        private final double[] levelSquared;
        private final double[] day;
        private final double[] daySquared;
        private final double[] dayLevel;

        Sums(double[] x) {
            days = x.length;
            count = new double[days + 1];
            level = new double[days + 1];
            levelSquared = new double[days + 1];
            day = new double[days + 1];
            daySquared = new double[days + 1];
            dayLevel = new double[days + 1];
            for (int d = 0; d < days; d++) {
                boolean ok = !Double.isNaN(x[d]);
                double v = ok ? x[d] : 0;
                count[d + 1] = count[d] + (ok ? 1 : 0);
                level[d + 1] = level[d] + v;
                levelSquared[d + 1] = levelSquared[d] + v * v;
                day[d + 1] = day[d] + (ok ? d : 0);
                daySquared[d + 1] = daySquared[d] + (ok ? (double) d * d : 0);
                dayLevel[d + 1] = dayLevel[d] + d * v;
            }
        }

        double count(int from, int to) {
            return count[to] - count[from];
        }

        double level(int from, int to) {
            return level[to] - level[from];
        }

        double levelSquared(int from, int to) {
            return levelSquared[to] - levelSquared[from];
        }

        double day(int from, int to) {
            return day[to] - day[from];
        }

        double daySquared(int from, int to) {
            return daySquared[to] - daySquared[from];
        }

        double dayLevel(int from, int to) {
            return dayLevel[to] - dayLevel[from];
        }
    }
}
