package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.model.meter.GspGroup;

/** A small clean fleet: every meter repeats the same daily shape, with within-day wiggles that cancel out per day. */
final class DetectorFixture {

    static final Instant FROM = Instant.parse("2024-01-08T00:00:00Z");
    static final int DAYS = 42;
    static final int METERS = 8;

    final long[] t = new long[DAYS * 48];
    final double[][] kwh = new double[METERS][DAYS * 48];

    DetectorFixture() {
        for (int i = 0; i < t.length; i++) {
            t[i] = FROM.getEpochSecond() + 1800L * i;
        }
        for (int m = 0; m < METERS; m++) {
            double scale = 1 + 0.1 * m;
            for (int d = 0; d < DAYS; d++) {
                for (int s = 0; s < 48; s++) {
                    double shape = 0.15 + 0.25 * (1 + Math.sin(2 * Math.PI * (s - 12) / 48.0)) + (s >= 34 && s < 42 ? 0.3 : 0);
                    double wiggle = 0.01 * ((d + s + m) % 3 - 1);
                    kwh[m][d * 48 + s] = scale * shape + wiggle;
                }
            }
        }
    }

    static int index(int day, int slot) {
        return day * 48 + slot;
    }

    FleetWindow window() {
        List<MeterSeries> meters = new ArrayList<>();
        for (int m = 0; m < METERS; m++) {
            meters.add(MeterSeries.adopt("M" + m, GspGroup.A, t.clone(), kwh[m].clone()));
        }
        return FleetWindow.of(meters, FROM, FROM.plusSeconds(1800L * t.length));
    }

    /** The window with readings left out: {@code gaps.apply(meter)} is {from, to) index pair of missing readings, or null. */
    FleetWindow window(java.util.function.IntFunction<int[]> gaps) {
        List<MeterSeries> meters = new ArrayList<>();
        for (int m = 0; m < METERS; m++) {
            int[] gap = gaps.apply(m);
            int kept = gap == null ? t.length : t.length - (gap[1] - gap[0]);
            long[] times = new long[kept];
            double[] values = new double[kept];
            int k = 0;
            for (int i = 0; i < t.length; i++) {
                if (gap == null || i < gap[0] || i >= gap[1]) {
                    times[k] = t[i];
                    values[k++] = kwh[m][i];
                }
            }
            meters.add(MeterSeries.adopt("M" + m, GspGroup.A, times, values));
        }
        return FleetWindow.of(meters, FROM, FROM.plusSeconds(1800L * t.length));
    }

    List<Detection> run() {
        return new Rescoring().run(window(), uk.consumptioninsights.model.work.Progress.NONE);
    }
}
