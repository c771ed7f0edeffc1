package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Meter malfunction: hard and run-length rules on one meter's readings.
 *
 * <ul>
 *   <li>negative: any run of readings below zero on an import meter (score 0.9–1);</li>
 *   <li>above ceiling: readings above {@value ReadingFlag#CEILING_KWH} kWh, which no whole-current supply can deliver
 *       (score 0.95); like negative ones they are kept flagged and never counted as consumption;</li>
 *   <li>spike: a reading above {@value #PHYSICAL_MAX_KWH} kWh, beyond a 100 A domestic supply, and above twice the
 *       meter's own profile (so large business meters are not flagged for their normal load); score 0.6–0.9 rising
 *       with the ratio to the profile;</li>
 *   <li>stuck: the same non-zero value for longer than the meter repeats a value by itself ({@link #stuckThreshold},
 *       at least {@value #MIN_STUCK_RUN} half-hours; score 0.4–0.9 rising with length);</li>
 *   <li>zero run: zeros for at least {@value #MIN_ZERO_RUN} half-hours while the GSP group is not losing supply at the
 *       same time, after which readings resume (a meter whose data ends in zeros was removed, not broken); score
 *       0.4–0.9 rising with length, lowered when the meter often reads zero in the two weeks around the run.</li>
 * </ul>
 */
public final class MalfunctionDetector implements AnomalyDetector {

    static final double PHYSICAL_MAX_KWH = 12;
    static final int MIN_STUCK_RUN = 8;
    static final int MIN_ZERO_RUN = 6;
    /** Readings each side of a zero run over which the meter's habit of reading zero is judged: two weeks. */
    static final int HABIT_READINGS = 14 * 48;

    @Override
    public AnomalyType type() {
        return AnomalyType.METER_MALFUNCTION;
    }

    @Override
    public String name() {
        return "rules.malfunction.v1";
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        FleetContext.Group group = context.group(b.meter.gspGroup());
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        List<Detection> out = new ArrayList<>();
        int n = x.length;
        int usualRun = usualIdenticalRun(x, t);
        // Prefix counts of plausible readings and zeros, for how often the meter reads zero around a run.
        int[] plausibleBefore = new int[n + 1];
        int[] zerosBefore = new int[n + 1];
        for (int k = 0; k < n; k++) {
            boolean ok = ReadingFlag.isPlausible(x[k]);
            plausibleBefore[k + 1] = plausibleBefore[k] + (ok ? 1 : 0);
            zerosBefore[k + 1] = zerosBefore[k] + (ok && x[k] == 0 ? 1 : 0);
        }
        long windowEnd = context.window.to().getEpochSecond();
        int i = 0;
        while (i < n) {
            if (x[i] < 0) {
                int j = i;
                double min = 0;
                while (j < n && x[j] < 0 && contiguous(t, i, j)) {
                    min = Math.min(min, x[j]);
                    j++;
                }
                double score = 0.9 + 0.1 * Math.min(1, -min / 2);
                out.add(detection(b, "negative", score, i, j, String.format(Locale.UK,
                        "%d negative reading%s (down to %.3f kWh) on an import meter, which cannot record negative "
                                + "consumption: kept flagged and left out of every total", j - i, j - i == 1 ? "" : "s", min)));
                i = j;
            } else if (x[i] > ReadingFlag.CEILING_KWH) {
                int j = i;
                double max = 0;
                while (j < n && x[j] > ReadingFlag.CEILING_KWH && contiguous(t, i, j)) {
                    max = Math.max(max, x[j]);
                    j++;
                }
                out.add(detection(b, "above_ceiling", 0.95, i, j, String.format(Locale.UK,
                        "%d reading%s up to %.1f kWh in a half-hour, more than the %.0f kWh any household or small "
                                + "business supply can deliver: kept flagged and left out of every total",
                        j - i, j - i == 1 ? "" : "s", max, ReadingFlag.CEILING_KWH)));
                i = j;
            } else if (x[i] > PHYSICAL_MAX_KWH && x[i] > 2 * b.expected(i)) {
                int j = i;
                double max = 0;
                while (j < n && x[j] > PHYSICAL_MAX_KWH && x[j] <= ReadingFlag.CEILING_KWH && x[j] > 2 * b.expected(j)
                        && contiguous(t, i, j)) {
                    max = Math.max(max, x[j]);
                    j++;
                }
                double score = 0.6 + 0.3 * Math.min(1, (max / Math.max(b.expected(i), 0.5) - 2) / 8);
                out.add(detection(b, "spike", score, i, j, String.format(Locale.UK,
                        "%.1f kWh in a half-hour, more than the %.0f kWh a 100 A domestic supply can deliver "
                                + "(this meter usually reads %.2f kWh then)", max, PHYSICAL_MAX_KWH, b.expected(i))));
                i = j;
            } else {
                int j = i + 1;
                while (j < n && x[j] == x[i] && contiguous(t, i, j)) {
                    j++;
                }
                int len = j - i;
                int stuckAfter = stuckThreshold(usualRun, x[i]);
                if (x[i] > 0 && len >= stuckAfter) {
                    double score = 0.4 + 0.5 * (1 - Math.exp(-(len - stuckAfter + 1) / 16.0));
                    out.add(detection(b, "stuck", score, i, j, String.format(Locale.UK,
                            "The meter read exactly %.3f kWh for %d half-hours in a row (%.1f hours); this meter "
                                    + "otherwise repeats a value at most %d times, and real consumption varies",
                            x[i], len, len / 2.0, usualRun)));
                } else if (x[i] == 0 && len >= MIN_ZERO_RUN && !duringGroupLoss(context, group, t, i, j)
                        && !dataEnds(t, j, windowEnd)) {
                    // How often the meter reads zero in the two weeks around the run, the run left out: a run of
                    // zeros is no news in weeks of them (an empty house on a timer), and a long run must not excuse
                    // itself by raising the meter's own zero share.
                    int from = Math.max(0, i - HABIT_READINGS);
                    int to = Math.min(n, j + HABIT_READINGS);
                    int around = plausibleBefore[to] - plausibleBefore[from] - len;
                    double habitShare = around <= 0 ? 0 : (double) (zerosBefore[to] - zerosBefore[from] - len) / around;
                    double lengthFactor = 1 - Math.exp(-(len - MIN_ZERO_RUN + 1) / 48.0);
                    double habit = Math.min(1, habitShare * 10);
                    double score = 0.4 + 0.5 * lengthFactor * (1 - 0.8 * habit);
                    out.add(detection(b, "zero_run", score, i, j, String.format(Locale.UK,
                            "Zero readings for %d half-hours (%.1f hours) while other meters in GSP group %s kept "
                                    + "reading, then readings resumed; in the two weeks around it this meter read zero in "
                                    + "%.1f%% of its half-hours", len, len / 2.0, b.meter.gspGroup().code(), 100 * habitShare)));
                }
                i = j;
            }
        }
        return out;
    }

    /**
     * Whether the meter's readings end with this run well before the window does: the supply or the meter was removed,
     * and the data simply ends, which is not a malfunction to chase.
     */
    private static boolean dataEnds(long[] t, int runEnd, long windowEnd) {
        return runEnd == t.length && windowEnd - (t[t.length - 1] + Features.HALF_HOUR) >= Features.DAY;
    }

    /**
     * The longest run of one repeated non-zero value the meter shows besides its longest: what it does by itself
     * (a quiet night at the meter's resolution repeats a small value for hours), robust to one stuck episode.
     */
    static int usualIdenticalRun(double[] x, long[] t) {
        int longest = 1;
        int second = 1;
        int i = 0;
        while (i < x.length) {
            int j = i + 1;
            while (j < x.length && x[j] == x[i] && contiguous(t, i, j)) {
                j++;
            }
            int len = j - i;
            if (x[i] > 0 && len > 1) {
                if (len > longest) {
                    second = longest;
                    longest = len;
                } else if (len > second) {
                    second = len;
                }
            }
            i = j;
        }
        return second;
    }

    /**
     * A repeated value is stuck from twice the meter's usual longest repeat, and never below {@value #MIN_STUCK_RUN};
     * tiny values sit at the meter's resolution, where repeats are natural, so they need half as long again.
     */
    static int stuckThreshold(int usualRun, double value) {
        int threshold = Math.max(MIN_STUCK_RUN, 2 * usualRun);
        return value <= 0.02 ? threshold + threshold / 2 : threshold;
    }

    /** Whether most of the run falls in a group-wide loss, which the network detector reports instead. */
    private static boolean duringGroupLoss(FleetContext context, FleetContext.Group group, long[] t, int from, int to) {
        int inLoss = 0;
        for (int k = from; k < to; k++) {
            if (NetworkDetector.groupLoss(group, context.calendar.halfHourIndex(t[k]))) {
                inLoss++;
            }
        }
        return inLoss * 2 >= to - from;
    }

    static boolean contiguous(long[] t, int runStart, int j) {
        return j == runStart || t[j] - t[j - 1] == Features.HALF_HOUR;
    }

    private Detection detection(MeterBaseline b, String pattern, double score, int from, int to, String reason) {
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        double expected = 0;
        double actual = 0;
        for (int k = from; k < to; k++) {
            expected += b.expected(k);
            actual += x[k];
        }
        return new Detection(b.meter.meterKey(), type(), pattern, Detection.severityFor(type(), score), score,
                Instant.ofEpochSecond(t[from]), Instant.ofEpochSecond(t[to - 1] + Features.HALF_HOUR), expected, actual, reason);
    }
}
