package uk.consumptioninsights.model.anomaly.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.work.Progress;

class LearnedRankingTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static Detection detection(String meter, AnomalyType type, double score) {
        return new Detection(meter, type, "p", Severity.LOW, score, T0, T0.plusSeconds(1800), 1, 1, "r");
    }

    @Test
    void typeCalibrationKeepsTheDetectorsOrderWithinATypeAndUsesTheTypesNovelty() {
        List<Detection> detections = List.of(
                detection("a", AnomalyType.THEFT_BYPASS, 0.9),
                detection("b", AnomalyType.THEFT_BYPASS, 0.2),
                detection("c", AnomalyType.THEFT_BYPASS, 0.5),
                detection("d", AnomalyType.NETWORK_ANOMALY, 0.4),
                detection("e", AnomalyType.NETWORK_ANOMALY, 0.4));
        double[] novelty = {0.40, 0.70, 0.50, 0.90, 0.80};

        double[] calibrated = LearnedRanking.typeCalibrated(detections, novelty);

        // theft novelty sorted 0.40, 0.50, 0.70 goes to the scores in rank order 0.2, 0.5, 0.9
        assertThat(calibrated[1]).isEqualTo(0.40);
        assertThat(calibrated[2]).isEqualTo(0.50);
        assertThat(calibrated[0]).isEqualTo(0.70);
        // tied network scores share the mean position between 0.80 and 0.90
        assertThat(calibrated[3]).isCloseTo(0.85, within(1e-12));
        assertThat(calibrated[4]).isCloseTo(0.85, within(1e-12));
        assertThat(LearnedRanking.typePercentiles(detections)).containsExactly(1.0, 1.0 / 3, 2.0 / 3, 0.75, 0.75);
        assertThat(LearnedRanking.rankingValues(detections, novelty, 0)).containsExactly(calibrated);
        assertThat(LearnedRanking.rankingValues(detections, novelty, 1)).containsExactly(novelty);
    }

    @Test
    void everyDetectionGetsARankingValueInZeroToOneAndTheRankingIsDeterministic() {
        List<Detection> first = anomalousFixture().run();
        List<Detection> second = anomalousFixture().run();

        assertThat(first).extracting(Detection::type).contains(AnomalyType.METER_MALFUNCTION, AnomalyType.THEFT_BYPASS,
                AnomalyType.NETWORK_ANOMALY);
        assertThat(first).allSatisfy(d -> assertThat(d.learnedScore()).isBetween(0.0, 1.0));
        assertThat(second).isEqualTo(first);
        for (AnomalyType type : AnomalyType.values()) {
            List<Detection> ofType = first.stream().filter(d -> d.type() == type).toList();
            for (int i = 1; i < ofType.size(); i++) {
                assertThat(ofType.get(i).learnedScore()).as("within a type the ranking follows the detector's score")
                        .isLessThanOrEqualTo(ofType.get(i - 1).learnedScore());
            }
        }
    }

    @Test
    void rulesOnlyLeavesTheLearnedScoreUnset() {
        List<Detection> found = Rescoring.rulesOnly().run(anomalousFixture().window(), Progress.NONE);
        assertThat(found).isNotEmpty().noneMatch(Detection::hasLearnedScore);
    }

    @Test
    void rankingHonoursCancellation() {
        DetectorFixture f = anomalousFixture();
        FleetContext context = FleetContext.build(f.window(), Progress.NONE);
        List<Detection> found = Rescoring.rulesOnly().detect(context, Progress.NONE);
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> LearnedRanking.defaults().rank(context, found, cancelled))
                .isInstanceOf(CancellationException.class);
    }

    /** The detector fixture with a stuck run, a zero run, a bypass and a network loss. */
    private static DetectorFixture anomalousFixture() {
        DetectorFixture f = new DetectorFixture();
        Arrays.fill(f.kwh[0], DetectorFixture.index(3, 10), DetectorFixture.index(3, 30), 0.37);
        Arrays.fill(f.kwh[1], DetectorFixture.index(5, 0), DetectorFixture.index(5, 30), 0);
        for (int i = DetectorFixture.index(10, 0); i < DetectorFixture.index(21, 0); i++) {
            f.kwh[2][i] *= 0.4;
        }
        for (int m = 0; m < 6; m++) {
            Arrays.fill(f.kwh[m], DetectorFixture.index(30, 20), DetectorFixture.index(30, 28), 0);
        }
        return f;
    }
}
