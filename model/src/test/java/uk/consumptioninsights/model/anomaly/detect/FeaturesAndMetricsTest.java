package uk.consumptioninsights.model.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

class FeaturesAndMetricsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void runLengthsCountIdenticalNeighbours() {
        assertThat(Features.runLengths(new double[] {1, 1, 0, 0, 0, 2})).containsExactly(2, 2, 3, 3, 3, 1);
    }

    @Test
    void medianBySelectionEqualsTheMedianOfTheSortedValues() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 1 + random.nextInt(trial < 1_000 ? 40 : 400);
            double[] values = new double[n + 3];
            for (int i = 0; i < values.length; i++) {
                // Few distinct values half the time: long runs of equal readings (zeros) are common in meter data.
                values[i] = trial % 2 == 0 ? random.nextInt(3) * 0.5 : random.nextGaussian();
            }
            double[] sorted = java.util.Arrays.copyOf(values, n);
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertThat(Features.median(values, n)).as("n = %d", n).isEqualTo(expected);
        }
        assertThat(Features.median(new double[0], 0)).isNaN();
    }

    @Test
    void rollingZComparesWithThePreviousWindow() {
        double[] z = Features.rollingZ(new double[] {1, 3, 1, 3, 5}, 4);
        // previous four: 1,3,1,3 -> mean 2, sd 1 -> (5 - 2) / 1
        assertThat(z[4]).isCloseTo(3, within(1e-12));
        assertThat(z[0]).isZero();
    }

    @Test
    void peerRatioDividesByOwnBaselineAndPeers() {
        double[] r = Features.peerRatio(new double[] {10, 5, Double.NaN}, 10, new double[] {1, 0.5, 1});
        assertThat(r[0]).isEqualTo(1);
        assertThat(r[1]).isEqualTo(1);
        assertThat(r[2]).isNaN();
        assertThat(Features.profileDeviation(1.0, 0.5, 0)).isCloseTo(50, within(1e-9));
    }

    @Test
    void averagePrecisionAndPrecisionAtKByHand() {
        List<InjectedAnomaly> labels = List.of(
                label("m1", AnomalyType.THEFT_BYPASS), label("m2", AnomalyType.THEFT_BYPASS),
                label("m3", AnomalyType.METER_MALFUNCTION));
        List<Detection> detections = List.of(
                detection("m1", AnomalyType.THEFT_BYPASS, 0.9, 0),
                detection("m9", AnomalyType.THEFT_BYPASS, 0.8, 0),
                detection("m1", AnomalyType.THEFT_BYPASS, 0.7, 2), // same label again: a false positive
                detection("m2", AnomalyType.THEFT_BYPASS, 0.6, 5),
                detection("m2", AnomalyType.MAINTENANCE, 0.99, 0), // wrong type
                detection("m3", AnomalyType.METER_MALFUNCTION, 0.95, 9),
                detection("m3", AnomalyType.METER_MALFUNCTION, 0.5, 10)); // starts at the label's end: no overlap
        List<DetectionMetrics.Result> results = DetectionMetrics.evaluate(detections, labels, 2, 10);
        var byType = DetectionMetrics.byType(results);
        DetectionMetrics.Result theft = byType.get(AnomalyType.THEFT_BYPASS);
        // ranks: TP, FP, FP, TP -> (1/1 + 2/4) / 2
        assertThat(theft.averagePrecision()).isCloseTo(0.75, within(1e-12));
        assertThat(theft.precisionAt(2)).isEqualTo(0.5);
        assertThat(theft.precisionAt(10)).isEqualTo(0.2);
        assertThat(theft.truePositives()).isEqualTo(2);
        assertThat(byType.get(AnomalyType.METER_MALFUNCTION).averagePrecision()).isEqualTo(1);
        assertThat(byType.get(AnomalyType.MAINTENANCE).averagePrecision()).isNaN();
        assertThat(byType.get(AnomalyType.MAINTENANCE).precisionAt(2)).isZero();
        DetectionMetrics.Result pooled = results.get(results.size() - 1);
        assertThat(pooled.type()).isNull();
        // pooled ranking: maint .99 FP, malf .95 TP, theft .9 TP, .8 FP, .7 FP, .6 TP, malf .5 FP
        // AP = (1/2 + 2/3 + 3/6) / 3
        assertThat(pooled.averagePrecision()).isCloseTo((0.5 + 2.0 / 3 + 0.5) / 3, within(1e-12));
        assertThat(DetectionMetrics.macroAveragePrecision(results)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void severityDropsOneLevelForLowScores() {
        assertThat(Detection.severityFor(AnomalyType.THEFT_BYPASS, 0.9)).isEqualTo(Severity.HIGH);
        assertThat(Detection.severityFor(AnomalyType.THEFT_BYPASS, 0.5)).isEqualTo(Severity.MEDIUM);
        assertThat(Detection.severityFor(AnomalyType.MAINTENANCE, 0.1)).isEqualTo(Severity.LOW);
    }

    private static InjectedAnomaly label(String meter, AnomalyType type) {
        return new InjectedAnomaly(meter, type, "p", T0, T0.plusSeconds(1800 * 10), 0, "");
    }

    private static Detection detection(String meter, AnomalyType type, double score, int startHalfHour) {
        Instant start = T0.plusSeconds(1800L * startHalfHour);
        return new Detection(meter, type, "p", Severity.LOW, score, start, start.plusSeconds(1800), 1, 1, "r");
    }
}
