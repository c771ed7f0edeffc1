package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Repeated outliers: a run of one to {@value #MAX_RUN} consecutive half-hours, bounded by ordinary readings, that reads
 * far above the meter's usual level for that time of day ({@value #FACTOR} × its slot median and at least
 * {@value #ABOVE_KWH} kWh above it), starting at the same London local time on at least {@value #MIN_DAYS} days no more
 * than {@value #MAX_GAP_DAYS} days apart.
 *
 * <p>Households have routines too (a shower at 06:30, a timer at midnight), so the event must be new for this meter:
 * in the {@value #AROUND_DAYS} days before and after it, the share of days on which that time of day (± one half-hour)
 * reached half the event's typical reading is the novelty gap; at {@value #MAX_HABIT_SHARE} or more it is a habit and
 * does not score. A run lasting more than {@value #MAX_SPAN_DAYS} days is a scheduled load (storage heating, an
 * immersion timer) rather than a fault. Score = min(1, days / {@value #FULL_DAYS}) × (days hit / days spanned) ×
 * (1 − habit share / {@value #MAX_HABIT_SHARE}).
 */
final class RepeatedOutliers {

    static final int MAX_RUN = 4;
    static final double FACTOR = 2.5;
    static final double ABOVE_KWH = 0.5;
    static final int MIN_DAYS = 5;
    static final int MAX_GAP_DAYS = 2;
    static final int MAX_SPAN_DAYS = 42;
    static final int AROUND_DAYS = 28;
    static final int FULL_DAYS = 7;
    static final double MAX_HABIT_SHARE = 0.3;

    private RepeatedOutliers() {
    }

    static List<Detection> find(FleetContext context, MeterBaseline b, DayTable table) {
        List<Detection> out = new ArrayList<>();
        int days = table.days;
        int[] all = new int[days];
        int n = 0;
        for (int d = 0; d < days; d++) {
            if (table.complete[d]) {
                all[n++] = d;
            }
        }
        if (n < MIN_DAYS) {
            return out;
        }
        double[] usual = table.profile(all, n);
        double[] threshold = new double[48];
        for (int s = 0; s < 48; s++) {
            double p = Double.isNaN(usual[s]) ? 0 : usual[s];
            threshold[s] = Math.max(FACTOR * p, p + ABOVE_KWH);
        }
        // Per start slot, the days (and run lengths) with an outlier run starting there.
        int[][] runDays = new int[48][days];
        int[][] runLength = new int[48][days];
        int[] runs = new int[48];
        for (int d = 0; d < days; d++) {
            int s = 0;
            while (s < 48) {
                if (!isOutlier(table, threshold, d, s)) {
                    s++;
                    continue;
                }
                int e = s;
                while (e < 48 && isOutlier(table, threshold, d, e)) {
                    e++;
                }
                if (e - s <= MAX_RUN) {
                    runDays[s][runs[s]] = d;
                    runLength[s][runs[s]++] = e - s;
                }
                s = e;
            }
        }
        int firstScored = context.calendar.wholeWindowIsBaseline ? 0 : context.calendar.scoreFromDay;
        for (int s = 0; s < 48; s++) {
            int i = 0;
            while (i < runs[s]) {
                int j = i;
                while (j + 1 < runs[s] && runDays[s][j + 1] - runDays[s][j] <= MAX_GAP_DAYS) {
                    j++;
                }
                int count = j - i + 1;
                int from = runDays[s][i];
                int to = runDays[s][j] + 1;
                if (count >= MIN_DAYS && to - from <= MAX_SPAN_DAYS && to > firstScored) {
                    Detection found = judge(b, table, usual, threshold, s, Arrays.copyOfRange(runDays[s], i, j + 1),
                            Arrays.copyOfRange(runLength[s], i, j + 1));
                    if (found != null) {
                        out.add(found);
                    }
                }
                i = j + 1;
            }
        }
        return out;
    }

    private static boolean isOutlier(DayTable table, double[] threshold, int d, int s) {
        double v = table.slots[d][s];
        return !Double.isNaN(v) && v >= threshold[s];
    }

    private static Detection judge(MeterBaseline b, DayTable table, double[] usual, double[] threshold, int slot,
                                   int[] eventDays, int[] lengths) {
        int[] sortedLengths = lengths.clone();
        Arrays.sort(sortedLengths);
        int length = sortedLengths[sortedLengths.length / 2];
        double[] typical = new double[eventDays.length];
        double actual = 0;
        double expected = 0;
        for (int k = 0; k < eventDays.length; k++) {
            double sum = 0;
            for (int s = slot; s < Math.min(48, slot + length); s++) {
                double v = table.slots[eventDays[k]][s];
                sum += Double.isNaN(v) ? 0 : v;
                expected += Double.isNaN(usual[s]) ? 0 : usual[s];
            }
            actual += sum;
            typical[k] = sum / length;
        }
        double eventLevel = Features.median(typical, typical.length);
        double habitLevel = Math.max(threshold[slot], 0.5 * eventLevel);
        int from = eventDays[0];
        int to = eventDays[eventDays.length - 1] + 1;
        int around = 0;
        int habit = 0;
        for (int d = Math.max(0, from - AROUND_DAYS); d < Math.min(table.days, to + AROUND_DAYS); d++) {
            if ((d >= from && d < to) || !table.complete[d]) {
                continue;
            }
            around++;
            double peak = 0;
            for (int s = Math.max(0, slot - 1); s < Math.min(48, slot + length + 1); s++) {
                double v = table.slots[d][s];
                peak = Double.isNaN(v) ? peak : Math.max(peak, v);
            }
            if (peak >= habitLevel) {
                habit++;
            }
        }
        double habitShare = around == 0 ? 1 : (double) habit / around;
        double score = Math.min(1, eventDays.length / (double) FULL_DAYS) * eventDays.length / (to - from)
                * Math.max(0, 1 - habitShare / MAX_HABIT_SHARE);
        if (!(score > 0)) {
            return null;
        }
        Instant[] span = span(b, from, to, slot, length);
        if (span == null) {
            return null;
        }
        String reason = String.format(Locale.UK,
                "On %d of %d days, the %d half-hour%s from %02d:%02d London time read %.1f× this meter's usual level "
                        + "there, with the half-hours around them ordinary; in the %d days either side that time of day "
                        + "reached such a level on %.0f%% of days: a repeated outlier, not a habit",
                eventDays.length, to - from, length, length == 1 ? "" : "s", slot / 2, slot % 2 * 30,
                actual / Math.max(expected, 1e-3), AROUND_DAYS, 100 * habitShare);
        AnomalyType type = AnomalyType.MAINTENANCE;
        return new Detection(b.meter.meterKey(), type, "repeated_outliers", Detection.severityFor(type, score), score,
                span[0], span[1], expected, actual, reason);
    }

    /** From the start of the first outlier run to the end of the last. */
    private static Instant[] span(MeterBaseline b, int from, int to, int slot, int length) {
        long[] t = b.meter.epochSecondsView();
        long first = -1;
        long last = -1;
        for (int i = 0; i < t.length; i++) {
            int d = b.day[i];
            if (d == from && b.slot[i] >= slot && first < 0) {
                first = t[i];
            }
            if (d == to - 1 && b.slot[i] < slot + length) {
                last = t[i];
            }
        }
        return first < 0 || last < first ? null : new Instant[] {Instant.ofEpochSecond(first), Instant.ofEpochSecond(last + Features.HALF_HOUR)};
    }
}
