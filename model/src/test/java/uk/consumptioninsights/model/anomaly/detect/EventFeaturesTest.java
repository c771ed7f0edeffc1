package uk.consumptioninsights.model.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.learned.IsolationForestNovelty;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

class EventFeaturesTest {

    /** Winter weeks: London time is UTC, so day d slot s is reading 48 d + s. */
    private static final Instant FROM = Instant.parse("2024-01-08T00:00:00Z");
    private static final int DAYS = 28;

    private static long[] times() {
        long[] t = new long[DAYS * 48];
        for (int i = 0; i < t.length; i++) {
            t[i] = FROM.getEpochSecond() + 1800L * i;
        }
        return t;
    }

    private static FleetContext context(double[][] kwh) {
        List<MeterSeries> meters = new ArrayList<>();
        for (int m = 0; m < kwh.length; m++) {
            meters.add(MeterSeries.adopt("M" + m, GspGroup.A, times(), kwh[m]));
        }
        return FleetContext.build(FleetWindow.of(meters, FROM, FROM.plusSeconds(1800L * DAYS * 48)), Progress.NONE);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    @Test
    void theVectorOfAHandBuiltWindowIsWhatEachFeatureSays() {
        // Five meters reading a constant 0.5 kWh: every profile bucket has median 0.5 and MAD 0, so a reading x deviates
        // by (x − 0.5) / 0.01 robust standard deviations, and the GSP peer index is 1 on every day.
        double[][] kwh = new double[5][DAYS * 48];
        for (double[] meter : kwh) {
            Arrays.fill(meter, 0.5);
        }
        int from = 10 * 48 + 20;
        double[] window = {0.8, 0.8, 0.8, 0.8, 0, 0, -0.1, 0.5};
        System.arraycopy(window, 0, kwh[0], from, window.length);
        FleetContext context = context(kwh);
        double[] rollingZ = EventFeatures.rollingZ(context, 0);

        double[] f = EventFeatures.of(context, 0, rollingZ, from, from + window.length);

        assertThat(EventFeatures.NAMES).hasSize(f.length);
        assertThat(f[EventFeatures.NAMES.indexOf("duration_log2")]).isCloseTo(3, within(1e-12));
        // deviations: 4 × +30, 2 × −50, −60, 0 → mean −5, mean |.| 35, peak +30
        assertThat(f[EventFeatures.NAMES.indexOf("profile_dev_mean")]).isCloseTo(-log2(6), within(1e-9));
        assertThat(f[EventFeatures.NAMES.indexOf("profile_dev_abs_mean")]).isCloseTo(log2(36), within(1e-9));
        assertThat(f[EventFeatures.NAMES.indexOf("profile_dev_peak")]).isCloseTo(log2(31), within(1e-9));
        double zMean = Arrays.stream(Features.rollingZ(kwh[0], 336), from, from + window.length).average().orElseThrow();
        assertThat(zMean).as("the window breaks a flat week, so the rolling z moves").isNotZero();
        assertThat(f[EventFeatures.NAMES.indexOf("rolling_z_mean")]).isCloseTo(EventFeatures.signedLog2(zMean), within(1e-12));
        // actual 3.6 kWh against 8 × 0.5 × peer index 1, each with ε = 8 × 0.01
        assertThat(f[EventFeatures.NAMES.indexOf("peer_ratio_log2")]).isCloseTo(log2(3.68 / 4.08), within(1e-9));
        assertThat(f[EventFeatures.NAMES.indexOf("identical_run_log2")]).isCloseTo(log2(5), within(1e-12));
        assertThat(f[EventFeatures.NAMES.indexOf("zero_share")]).isEqualTo(0.25);
        assertThat(f[EventFeatures.NAMES.indexOf("negative_share")]).isEqualTo(0.125);
        // two half-hours with one of five meters at zero; the group's usual zero share is 2 of the 5 × 28 × 48 readings
        // less the negative one, which is implausible and so not counted as a reading of the group
        assertThat(f[EventFeatures.NAMES.indexOf("peer_zero_share")]).isCloseTo(0.4 / 8 - 2.0 / (5 * DAYS * 48 - 1),
                within(1e-12));
    }

    @Test
    void anOrdinaryWindowLooksOrdinary() {
        double[][] kwh = new double[5][DAYS * 48];
        for (double[] meter : kwh) {
            Arrays.fill(meter, 0.5);
        }
        FleetContext context = context(kwh);
        double[] f = EventFeatures.of(context, 2, EventFeatures.rollingZ(context, 2), 48 * 12, 48 * 13);
        assertThat(f[EventFeatures.NAMES.indexOf("duration_log2")]).isCloseTo(log2(48), within(1e-12));
        for (String name : List.of("profile_dev_mean", "profile_dev_abs_mean", "profile_dev_peak", "rolling_z_mean",
                "peer_ratio_log2", "zero_share", "negative_share", "peer_zero_share")) {
            assertThat(f[EventFeatures.NAMES.indexOf(name)]).as(name).isCloseTo(0, within(1e-12));
        }
        assertThat(f[EventFeatures.NAMES.indexOf("identical_run_log2")]).as("a constant meter is one long run")
                .isCloseTo(log2(49), within(1e-12));
    }

    @Test
    void anObviousAnomalyScoresHigherThanOrdinaryWindows() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] kwh = new double[12][DAYS * 48];
        for (double[] meter : kwh) {
            double level = 0.3 + 0.4 * random.nextDouble();
            for (int i = 0; i < meter.length; i++) {
                int slot = i % 48;
                double shape = 0.6 + 0.5 * Math.sin(2 * Math.PI * (slot - 14) / 48.0) + (slot >= 34 && slot < 42 ? 0.5 : 0);
                meter[i] = Math.round(1000 * level * shape * (0.8 + 0.4 * random.nextDouble())) / 1000.0;
            }
        }
        int from = 20 * 48 + 16;
        Arrays.fill(kwh[3], from, from + 24, 0); // half a day of zeros while its peers keep reading
        FleetContext context = context(kwh);
        List<double[]> ordinary = new ArrayList<>();
        List<double[]> heldOut = new ArrayList<>();
        for (int m = 0; m < kwh.length; m++) {
            double[] z = EventFeatures.rollingZ(context, m);
            for (int start = 0; start + 24 <= DAYS * 48; start += 12) {
                if (m == 3 && start < from + 24 && from < start + 24) {
                    continue;
                }
                (start % 48 == 36 ? heldOut : ordinary).add(EventFeatures.of(context, m, z, start, start + 24));
            }
        }
        double[] anomaly = EventFeatures.of(context, 3, EventFeatures.rollingZ(context, 3), from, from + 24);
        List<double[]> queries = new ArrayList<>(heldOut);
        queries.add(anomaly);

        double[] novelty = IsolationForestNovelty.defaults().fitAndScore(EventFeatures.NAMES,
                ordinary.toArray(double[][]::new), queries.toArray(double[][]::new), 3);

        double anomalyNovelty = novelty[novelty.length - 1];
        double worstOrdinary = Arrays.stream(novelty, 0, novelty.length - 1).max().orElseThrow();
        assertThat(Arrays.stream(novelty).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(anomalyNovelty).isGreaterThan(worstOrdinary).isGreaterThan(0.6);
    }
    @Test
    void namedWindowsGetTheVectorsOfTheirMetersReadings() {
        double[][] kwh = new double[4][DAYS * 48];
        SplittableRandom random = new SplittableRandom(7);
        for (double[] meter : kwh) {
            for (int i = 0; i < meter.length; i++) {
                meter[i] = Math.round(random.nextDouble(0, 1) * 1000) / 1000.0;
            }
        }
        FleetContext context = context(kwh);
        List<EventFeatures.Window> windows = List.of(new EventFeatures.Window("M2", 400, 448),
                new EventFeatures.Window("M0", 0, 1), new EventFeatures.Window("M2", 900, 1300));

        double[][] rows = EventFeatures.of(context, windows);

        assertThat(rows[0]).containsExactly(EventFeatures.of(context, 2, EventFeatures.rollingZ(context, 2), 400, 448));
        assertThat(rows[1]).containsExactly(EventFeatures.of(context, 0, EventFeatures.rollingZ(context, 0), 0, 1));
        assertThat(rows[2]).containsExactly(EventFeatures.of(context, 2, EventFeatures.rollingZ(context, 2), 900, 1300));
    }

    @Test
    void aWindowOfAnUnknownMeterOrBeyondItsReadingsIsRefused() {
        double[][] kwh = new double[3][DAYS * 48];
        FleetContext context = context(kwh);

        assertThatThrownBy(() -> EventFeatures.of(context, List.of(new EventFeatures.Window("M9", 0, 10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M9");
        assertThatThrownBy(() -> EventFeatures.of(context, List.of(new EventFeatures.Window("M1", 10, DAYS * 48 + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends after its " + DAYS * 48);
    }
}
