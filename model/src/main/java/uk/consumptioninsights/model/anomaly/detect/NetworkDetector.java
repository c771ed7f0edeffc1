package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Network anomaly: area co-occurrence, whether readings go missing or read zero.
 *
 * <ul>
 *   <li>group loss: a half-hour in which more of the GSP group's meters that were expected to report were silent
 *       together than chance explains ({@link #groupLoss}): no reading at all (a communications or supply failure
 *       leaves rows missing, not zero),
 *       or a zero where the meter seldom reads zero ({@link MeterSilence}). A meter is expected from its first to its
 *       last reading, so a meter whose data ends is not missing afterwards, and meters that read zero half the time
 *       count for nothing. Each meter silent during such half-hours gets one detection per run (labels are per meter)
 *       when it went silent within {@value #ALIGNED} half-hours of the group: a meter already silent before, or silent
 *       only from later on, did not go out with the group.</li>
 *   <li>group spike: at least {@value #MIN_SHARE} of the group's meters read more than 3 × their own profile +
 *       0.5 kWh in the same half-hour.</li>
 * </ul>
 * Scored by the share of the group affected and how much of the meter's silence the group's loss explains. Groups
 * with fewer than {@value #MIN_GROUP_METERS} meters expected to report are not assessed.
 */
public final class NetworkDetector implements AnomalyDetector {

    static final double MIN_SHARE = 0.3;
    static final int MIN_GROUP_METERS = 5;
    static final int ALIGNED = 2;

    @Override
    public AnomalyType type() {
        return AnomalyType.NETWORK_ANOMALY;
    }

    @Override
    public String name() {
        return "rules.network.v2";
    }

    /**
     * Whether so many of the group's expected meters were silent together that chance cannot explain it: the
     * Chernoff bound of the binomial tail, with each meter silent independently at the group's usual rate, below
     * e^{@value #SURPRISE} (about one in a million), and at least {@value #MIN_LOSS_SHARE} of them. A fixed share would
     * miss a failure of 5% of a GSP group's thousands of meters and flag three of ten that happen to be empty.
     */
    static boolean groupLoss(FleetContext.Group group, int h) {
        if (h < 0 || group.active[h] < MIN_GROUP_METERS) {
            return false;
        }
        int n = group.active[h];
        double q = (double) group.silent[h] / n;
        double p = Math.max(group.meanOutageShare, 0.002);
        if (q < MIN_LOSS_SHARE || q <= p) {
            return false;
        }
        double kl = q * Math.log(q / p) + (q < 1 ? (1 - q) * Math.log((1 - q) / (1 - p)) : 0);
        return n * kl >= SURPRISE;
    }

    static final double SURPRISE = 13.8;
    static final double MIN_LOSS_SHARE = 0.1;

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        FleetContext.Group group = context.group(b.meter.gspGroup());
        List<Detection> out = new ArrayList<>();
        if (b.meter.size() > 0) {
            losses(context, b, group, out);
        }
        spikes(context, b, group, out);
        return out;
    }

    /** Walks the meter's silent stretches (gaps and unusual zero runs, merged) and reports their group-wide parts. */
    private void losses(FleetContext context, MeterBaseline b, FleetContext.Group group, List<Detection> out) {
        FleetContext.Calendar calendar = context.calendar;
        long[] t = b.meter.epochSecondsView();
        Stretch stretch = new Stretch();
        for (int i = 0; i < t.length; i++) {
            int h = calendar.halfHourIndex(t[i]);
            if (h < 0) {
                continue;
            }
            if (MeterSilence.unusualZero(b, i)) {
                stretch.extend(h, h + 1, false);
            } else if (stretch.open() && stretch.end <= h) {
                report(context, b, group, stretch, out);
                stretch.reset();
            }
            if (i + 1 < t.length) {
                int next = calendar.halfHourIndex(t[i + 1]);
                if (next > h + 1) {
                    if (stretch.open() && stretch.end != h + 1) {
                        report(context, b, group, stretch, out);
                        stretch.reset();
                    }
                    stretch.extend(h + 1, next, true);
                }
            }
        }
        if (stretch.open()) {
            report(context, b, group, stretch, out);
        }
    }

    /** A run of half-hours in which the meter was silent, and how many of them had no reading at all. */
    private static final class Stretch {
        int start = -1;
        int end = -1;
        int missing;

        boolean open() {
            return start >= 0;
        }

        void extend(int from, int to, boolean noReading) {
            if (!open()) {
                start = from;
            }
            end = to;
            if (noReading) {
                missing += to - from;
            }
        }

        void reset() {
            start = -1;
            end = -1;
            missing = 0;
        }
    }

    /** The parts of a silent stretch during which the group was in a loss, unless the meter was silent first. */
    private void report(FleetContext context, MeterBaseline b, FleetContext.Group group, Stretch stretch,
                        List<Detection> out) {
        FleetContext.Calendar calendar = context.calendar;
        int start = stretch.start;
        int end = stretch.end;
        boolean mostlyMissing = 2 * stretch.missing > end - start;
        int h = start;
        while (h < end) {
            if (!groupLoss(group, h)) {
                h++;
                continue;
            }
            int runEnd = h;
            double shareSum = 0;
            int peak = 0;
            while (runEnd < end && groupLoss(group, runEnd)) {
                shareSum += group.outageShare(runEnd);
                peak = Math.max(peak, group.silent[runEnd]);
                runEnd++;
            }
            int groupStart = h;
            while (groupStart > 0 && groupLoss(group, groupStart - 1)) {
                groupStart--;
            }
            // The meter went silent with the group: not already silent before it, nor silent only later on, when
            // its own reasons (an empty house, its own fault) are the likelier cause.
            if (Math.abs(start - groupStart) <= ALIGNED) {
                int length = runEnd - h;
                double share = shareSum / length;
                // How much of the meter's silence the group's loss explains: a meter silent for days around a
                // one-hour group loss is more likely silent for its own reasons.
                double explained = (double) length / (end - start);
                double score = Math.min(1, 0.5 + 0.3 * share + 0.2 * explained);
                double expected = 0;
                for (int k = h; k < runEnd; k++) {
                    expected += b.expectedAt(calendar.epochSecondOf(k), calendar);
                }
                String reason = String.format(Locale.UK, mostlyMissing
                                ? "No readings for %d half-hour%s while on average %.0f%% of GSP group %s's reporting meters "
                                + "(up to %d) also sent none or read zero at the same time: a communications or supply failure"
                                : "No consumption for %d half-hour%s while on average %.0f%% of GSP group %s's reporting "
                                + "meters (up to %d) also read zero or sent nothing at the same time",
                        length, length == 1 ? "" : "s", 100 * share, b.meter.gspGroup().code(), peak);
                out.add(new Detection(b.meter.meterKey(), type(), mostlyMissing ? "group_missing" : "group_loss",
                        Detection.severityFor(type(), score), score, Instant.ofEpochSecond(calendar.epochSecondOf(h)),
                        Instant.ofEpochSecond(calendar.epochSecondOf(runEnd)), expected, 0, reason));
            }
            h = runEnd;
        }
    }

    private void spikes(FleetContext context, MeterBaseline b, FleetContext.Group group, List<Detection> out) {
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        int i = 0;
        while (i < x.length) {
            int h = context.calendar.halfHourIndex(t[i]);
            if (!(x[i] > 3 * b.expected(i) + 0.5 && enough(group, h) && group.highShare(h) >= MIN_SHARE)) {
                i++;
                continue;
            }
            int j = i;
            double shareSum = 0;
            int peak = 0;
            while (j < x.length && MalfunctionDetector.contiguous(t, i, j)) {
                int hj = context.calendar.halfHourIndex(t[j]);
                if (!(x[j] > 3 * b.expected(j) + 0.5 && enough(group, hj) && group.highShare(hj) >= MIN_SHARE)) {
                    break;
                }
                shareSum += group.highShare(hj);
                peak = Math.max(peak, group.high[hj]);
                j++;
            }
            double share = shareSum / (j - i);
            double score = Math.min(1, 0.3 + 0.7 * share);
            double expected = 0;
            double actual = 0;
            for (int k = i; k < j; k++) {
                expected += b.expected(k);
                actual += x[k];
            }
            String reason = String.format(Locale.UK, "Consumption far above normal for %d half-hour%s while on average "
                            + "%.0f%% of GSP group %s's meters (up to %d) spiked at the same time",
                    j - i, j - i == 1 ? "" : "s", 100 * share, b.meter.gspGroup().code(), peak);
            out.add(new Detection(b.meter.meterKey(), type(), "group_spike", Detection.severityFor(type(), score), score,
                    Instant.ofEpochSecond(t[i]), Instant.ofEpochSecond(t[j - 1] + Features.HALF_HOUR), expected, actual, reason));
            i = j;
        }
    }

    private static boolean enough(FleetContext.Group group, int h) {
        return h >= 0 && group.present[h] >= MIN_GROUP_METERS;
    }
}
