package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Theft / bypass: a stretch of days that under-reports or reshapes consumption in a way a household's own life does
 * not, judged against the same meter's four weeks before and after (so a season or a holiday, which change slowly or
 * keep their baseload, is its own reference), with the peer group's day-to-day movement taken out.
 *
 * <p><b>Candidates.</b> Complete days that are low (peer-adjusted level below {@value #LOW_RATIO} of usual), flat
 * (every half-hour the same), carry a partial-day run of exact zeros, or follow the usual shape better backwards; runs of such days bridging up to
 * {@value #MAX_GAP_DAYS} other days, at least {@value #MIN_DAYS} candidate days long. Days that read zero all day are
 * a dead meter or an empty house, not theft, and end a run.
 *
 * <p><b>Signatures</b> (each needs a consistent pattern; the strongest sets the score):
 * <ul>
 *   <li>scaled down: the level falls by at least a quarter and the baseload falls with it but not to nothing (a
 *       holiday keeps the fridge; a switched-off house reads zero), while either the day-to-day levels jump far more
 *       than in the reference weeks with each day keeping its own relative roughness (readings multiplied day by day) or
 *       the half-hours become much rougher (readings multiplied one by one);</li>
 *   <li>zeroed hours: most days have a run of exact zeros for part of the day while the rest of the day reads as
 *       usual;</li>
 *   <li>flattened: most days read the same value in every half-hour;</li>
 *   <li>reversed: the level is kept but the daily shape matches the usual shape backwards far better than forwards;</li>
 *   <li>scrambled: the level falls and the half-hours stop following the usual shape (correlation falls by at
 *       least 0.3) while roughness rises;</li>
 *   <li>uniform drop: standby, ordinary use and peaks all fall by the level's factor (within 25 %), as every
 *       reading scaled by one factor does; an absence keeps its standby. Scores at most 0.6, below the alarm cut: a
 *       smaller household can look the same;</li>
 *   <li>any other sustained drop with the shape kept scores at most 0.2: an absence or a change of habit looks the
 *       same.</li>
 * </ul>
 * Score = signature × duration (full from {@value #FULL_DAYS} days, fading for stretches beyond {@value #LONG_DAYS}
 * days, which are more likely a change of household than an attack the reference weeks can show).
 */
public final class TheftDetector implements AnomalyDetector {

    static final double LOW_RATIO = 0.75;
    static final int MIN_DAYS = 7;
    static final int MAX_GAP_DAYS = 3;
    static final int FULL_DAYS = 14;
    static final int LONG_DAYS = 75;
    static final int REFERENCE_DAYS = 28;
    static final int MIN_REFERENCE_DAYS = 10;
    /** A day with at least this many zero half-hours is an empty or dead day, not a theft day. */
    static final int DEAD_DAY_ZEROS = 44;
    static final int MIN_ZERO_WINDOW = 8;
    static final double FLAT = 0.05;

    @Override
    public AnomalyType type() {
        return AnomalyType.THEFT_BYPASS;
    }

    @Override
    public String name() {
        return "rules.theft.v2";
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        List<Detection> out = new ArrayList<>();
        if (!(b.baselineDaily > 0)) {
            return out;
        }
        double[] r = context.levelRatio(meterIndex);
        DayTable table = context.dayTable(meterIndex);
        int days = table.days;
        boolean[] usable = new boolean[days];
        boolean[] dead = new boolean[days];
        boolean[] candidate = new boolean[days];
        double[] weekday = Arrays.copyOfRange(b.profileMedian, 0, 48);
        for (int d = 0; d < days; d++) {
            dead[d] = table.complete[d] && table.zeros[d] >= DEAD_DAY_ZEROS;
            usable[d] = table.complete[d] && !dead[d];
            candidate[d] = usable[d] && (r[d] < LOW_RATIO || table.flatness[d] < FLAT
                    || (table.longestZeroRun[d] >= MIN_ZERO_WINDOW && table.longestZeroRun[d] < DEAD_DAY_ZEROS)
                    || table.correlation(d, weekday, true) - table.correlation(d, weekday, false) >= 0.3);
        }
        List<int[]> runs = runs(candidate, dead);
        boolean[] inRun = new boolean[days];
        for (int[] run : runs) {
            Arrays.fill(inRun, run[0], run[1], true);
        }
        int firstScored = context.calendar.wholeWindowIsBaseline ? 0 : context.calendar.scoreFromDay;
        for (int[] run : runs) {
            if (run[1] <= firstScored) {
                continue;
            }
            Detection found = judge(context, b, table, r, usable, inRun, run[0], run[1]);
            if (found != null) {
                out.add(found);
            }
        }
        return out;
    }

    /** Runs of candidate days, bridging short gaps; a dead day ends a run. Each is {from, to, candidate days}. */
    private static List<int[]> runs(boolean[] candidate, boolean[] dead) {
        List<int[]> runs = new ArrayList<>();
        int d = 0;
        while (d < candidate.length) {
            if (!candidate[d]) {
                d++;
                continue;
            }
            int last = d;
            int count = 0;
            int gap = 0;
            for (int e = d; e < candidate.length && !dead[e]; e++) {
                if (candidate[e]) {
                    last = e;
                    count++;
                    gap = 0;
                } else if (++gap > MAX_GAP_DAYS) {
                    break;
                }
            }
            if (count >= MIN_DAYS) {
                runs.add(new int[] {d, last + 1, count});
            }
            d = last + 1;
        }
        return runs;
    }

    private Detection judge(FleetContext context, MeterBaseline b, DayTable table, double[] r, boolean[] usable,
                            boolean[] inRun, int from, int to) {
        int[] runDays = new int[to - from];
        int n = 0;
        for (int d = from; d < to; d++) {
            if (usable[d]) {
                runDays[n++] = d;
            }
        }
        int[] ref = referenceDays(usable, inRun, from, to);
        if (n < MIN_DAYS || ref.length < MIN_REFERENCE_DAYS) {
            return null;
        }
        Window run = new Window(table, r, runDays, n);
        Window reference = new Window(table, r, ref, ref.length);
        double[] profile = table.profile(ref, ref.length);
        double level = ratio(run.medianLevel(), reference.medianLevel());
        double drop = 1 - level;
        double baseload = ratio(run.medianBase(), reference.medianBase());
        double peaks = ratio(run.medianPeak(), reference.medianPeak());
        double shapeRun = run.medianCorrelation(profile, false);
        double shapeRef = reference.medianCorrelation(profile, false);
        double reversedRun = run.medianCorrelation(profile, true);
        double noise = ratio(run.medianRoughness(), reference.medianRoughness());
        double erratic = run.levelVariation() / Math.max(reference.levelVariation(), 0.05);
        double flatShare = run.share(d -> table.flatness[d] < FLAT);
        double zeroedShare = run.share(d -> zeroedHours(table, profile, d));

        double depth = Math.min(1, Math.max(0, drop) / 0.5);
        boolean baseScaled = baseload >= 0.08 && baseload <= 0.85;
        double perDay = noise >= 0.75 && noise <= 1.35 ? clamp((erratic - 1.3) / 1.0) : 0;
        double perReading = clamp((noise - 1.3) / 0.8);
        // A tampered meter lowers the peaks at least as much as the standby load (readings multiplied one by one take
        // the lowest down furthest); an empty house loses its peaks and keeps its standby.
        double proportional = clamp((Math.log(peaks / baseload) + 0.5) / 0.5);
        double scaled = drop >= 0.25 && baseScaled ? depth * Math.max(perDay, perReading) * proportional : 0;
        double zeroed = zeroedShare >= 0.5 ? zeroedShare : 0;
        double flattened = flatShare >= 0.5 ? flatShare : 0;
        double reversed = Math.abs(drop) < 0.3 && reversedRun - shapeRun >= 0.3 && reversedRun > 0.2 && shapeRef > 0.3 ? 1 : 0;
        double scrambled = shapeRun < shapeRef - 0.3 && drop >= 0.25 && baseScaled && noise >= 1.2
                ? clamp((shapeRef - shapeRun - 0.3) / 0.3) * depth : 0;
        // Every reading scaled by the same factor: standby, ordinary use and peaks all fall as far as the level does,
        // which a tampered meter does and an absence (peaks gone, standby kept) does not.
        double alike = Math.max(Math.abs(Math.log(peaks / Math.max(level, 1e-3))), Math.abs(Math.log(baseload / Math.max(level, 1e-3))));
        double uniform = drop >= 0.25 && baseScaled ? 0.6 * depth * clamp(1 - alike / 0.25) : 0;
        double plain = 0.2 * depth;

        double best = Math.max(Math.max(Math.max(scaled, zeroed), Math.max(flattened, reversed)),
                Math.max(scrambled, Math.max(uniform, plain)));
        if (!(best > 0)) {
            return null;
        }
        double duration = Math.min(1, (double) n / FULL_DAYS)
                * (n <= LONG_DAYS ? 1 : Math.max(0.5, 1 - (double) (n - LONG_DAYS) / 240));
        double score = clamp(best * duration);
        String pattern;
        String reason;
        if (best == flattened) {
            pattern = "flattened";
            reason = String.format(Locale.UK, "On %.0f%% of %d days every half-hour read the same value, the day's "
                    + "average: the daily shape has gone, as when readings are replaced by an average", 100 * flatShare, n);
        } else if (best == zeroed) {
            pattern = "zeroed_hours";
            reason = String.format(Locale.UK, "On %.0f%% of %d days the meter read exactly zero for hours while the rest "
                    + "of the day read as usual: consumption kept off the meter for part of each day", 100 * zeroedShare, n);
        } else if (best == reversed) {
            pattern = "reversed";
            reason = String.format(Locale.UK, "For %d days the daily shape ran backwards: correlation %.2f with the usual "
                    + "shape reversed against %.2f with it as it is, at the usual level: load moved in time", n,
                    reversedRun, shapeRun);
        } else if (best == scrambled) {
            pattern = "scrambled";
            reason = String.format(Locale.UK, "Consumption %.0f%% below the four weeks around it for %d days, and its "
                    + "half-hours no longer follow the usual daily shape (correlation %.2f against %.2f usually)",
                    100 * drop, n, shapeRun, shapeRef);
        } else if (best == scaled) {
            pattern = "scaled_down";
            reason = String.format(Locale.UK, "Consumption %.0f%% below the four weeks around it for %d days with the "
                    + "baseload down too (to %.0f%%) and %s: readings scaled down, as a tampered meter reports",
                    100 * drop, n, 100 * baseload, perDay >= perReading
                            ? String.format(Locale.UK, "the day-to-day level jumping %.1f× as much as usual", erratic)
                            : String.format(Locale.UK, "each half-hour varying %.1f× as much as usual", noise));
        } else if (best == uniform && uniform > plain) {
            pattern = "uniform_drop";
            reason = String.format(Locale.UK, "Consumption %.0f%% below the four weeks around it for %d days, with the "
                    + "standby load (%.0f%% of usual) and the peaks (%.0f%%) down alike: every reading scaled by one "
                    + "factor, as a meter reading low does (an absence keeps its standby), though a smaller household "
                    + "can look the same", 100 * drop, n, 100 * baseload, 100 * peaks);
        } else {
            pattern = "sustained_drop";
            reason = String.format(Locale.UK, "Consumption %.0f%% below the four weeks around it for %d days while its "
                    + "daily shape stayed the same: an absence or a change of habit looks the same, so this ranks low",
                    100 * drop, n);
        }
        return detection(b, table, reference.medianTotal(), runDays, n, score, pattern, reason);
    }

    /** Up to {@value #REFERENCE_DAYS} usable days on each side of the run that are in no run themselves. */
    private static int[] referenceDays(boolean[] usable, boolean[] inRun, int from, int to) {
        int[] ref = new int[2 * REFERENCE_DAYS];
        int n = 0;
        for (int d = Math.max(0, from - REFERENCE_DAYS); d < from; d++) {
            if (usable[d] && !inRun[d]) {
                ref[n++] = d;
            }
        }
        for (int d = to; d < Math.min(usable.length, to + REFERENCE_DAYS); d++) {
            if (usable[d] && !inRun[d]) {
                ref[n++] = d;
            }
        }
        return Arrays.copyOf(ref, n);
    }

    /** A partial-day run of exact zeros, with the rest of the day at least 60% of the usual shape there. */
    private static boolean zeroedHours(DayTable table, double[] profile, int d) {
        int zeros = table.longestZeroRun[d];
        if (zeros < MIN_ZERO_WINDOW || zeros >= DEAD_DAY_ZEROS) {
            return false;
        }
        double read = 0;
        double usual = 0;
        int n = 0;
        for (int s = 0; s < 48; s++) {
            double v = table.slots[d][s];
            if (!Double.isNaN(v) && v > 0 && !Double.isNaN(profile[s])) {
                read += v;
                usual += profile[s];
                n++;
            }
        }
        return n >= 4 && read >= 0.6 * usual;
    }

    private Detection detection(MeterBaseline b, DayTable table, double usualDay, int[] runDays, int n, double score,
                                String pattern, String reason) {
        long[] t = b.meter.epochSecondsView();
        int first = -1;
        int last = -1;
        int firstDay = runDays[0];
        int lastDay = runDays[n - 1];
        for (int i = 0; i < t.length; i++) {
            if (b.day[i] >= firstDay && b.day[i] <= lastDay) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        double actual = 0;
        for (int k = 0; k < n; k++) {
            actual += table.total[runDays[k]];
        }
        return new Detection(b.meter.meterKey(), type(), pattern, Detection.severityFor(type(), score), score,
                Instant.ofEpochSecond(t[first]), Instant.ofEpochSecond(t[last] + Features.HALF_HOUR), usualDay * n, actual,
                reason);
    }

    private static double ratio(double a, double b) {
        return b > 1e-6 ? a / b : Double.NaN;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** Medians and spreads of a set of days of one meter. */
    private static final class Window {
        private final DayTable table;
        private final double[] r;
        private final int[] days;
        private final int n;

        Window(DayTable table, double[] r, int[] days, int n) {
            this.table = table;
            this.r = r;
            this.days = days;
            this.n = n;
        }

        double medianLevel() {
            return median(d -> r[d]);
        }

        double medianTotal() {
            return median(d -> table.total[d]);
        }

        double medianBase() {
            return median(d -> table.base[d]);
        }

        double medianPeak() {
            return median(d -> table.peak[d]);
        }

        double medianRoughness() {
            return median(d -> table.roughness[d]);
        }

        double medianCorrelation(double[] profile, boolean reversed) {
            return median(d -> table.correlation(d, profile, reversed));
        }

        /** Coefficient of variation of the day levels. */
        double levelVariation() {
            double sum = 0;
            double sumSq = 0;
            int m = 0;
            for (int k = 0; k < n; k++) {
                double v = r[days[k]];
                if (Double.isFinite(v)) {
                    sum += v;
                    sumSq += v * v;
                    m++;
                }
            }
            if (m < 3 || sum <= 0) {
                return 0;
            }
            double mean = sum / m;
            return Math.sqrt(Math.max(0, sumSq / m - mean * mean)) / mean;
        }

        double share(java.util.function.IntPredicate test) {
            int hit = 0;
            for (int k = 0; k < n; k++) {
                if (test.test(days[k])) {
                    hit++;
                }
            }
            return (double) hit / n;
        }

        private double median(java.util.function.IntToDoubleFunction value) {
            double[] values = new double[n];
            int m = 0;
            for (int k = 0; k < n; k++) {
                double v = value.applyAsDouble(days[k]);
                if (Double.isFinite(v)) {
                    values[m++] = v;
                }
            }
            return Features.median(values, m);
        }
    }
}
