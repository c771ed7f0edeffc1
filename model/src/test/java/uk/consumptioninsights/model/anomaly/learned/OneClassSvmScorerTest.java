package uk.consumptioninsights.model.anomaly.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.anomaly.Event;

class OneClassSvmScorerTest {

    private static final List<String> NAMES = List.of("kwh", "z", "lag");

    /** Clean Gaussian rows on very different scales, so the standardisation matters. */
    static double[][] clean(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {
                    500 + 100 * IsolationForestModelTest.gaussian(random),
                    IsolationForestModelTest.gaussian(random),
                    0.01 * IsolationForestModelTest.gaussian(random)};
        }
        return rows;
    }

    @Test
    void flagsRoughlyNuOfCleanDataNotHalfOfIt() {
        double nu = 0.03;
        OneClassSvmScorer scorer = OneClassSvmScorer.train(NAMES, clean(3000, 1), nu, 0, 20_000, 5);
        assertThat(scorer.trainingRows()).isEqualTo(3000);
        double flaggedFresh = OneClassSvmScorer.flaggedShare(scorer.decisionFunction(clean(4000, 2)));
        assertThat(flaggedFresh).isBetween(0.005, 0.08);
        double flaggedTraining = OneClassSvmScorer.flaggedShare(scorer.decisionFunction(clean(3000, 1)));
        assertThat(flaggedTraining).isBetween(0.01, 0.06);
    }

    @Test
    void scoresObviousOutliersBelowNormalRowsAndFlagsThem() {
        OneClassSvmScorer scorer = OneClassSvmScorer.train(NAMES, clean(2000, 3), 11);
        Event centre = scorer.predict(new double[] {500, 0, 0});
        Event far = scorer.predict(new double[] {1500, 0, 0});
        Event farTiny = scorer.predict(new double[] {500, 0, 0.08});
        assertThat(centre.getType()).isEqualTo(Event.EventType.EXPECTED);
        assertThat(far.getType()).isEqualTo(Event.EventType.ANOMALOUS);
        assertThat(farTiny.getType()).as("a small-scale feature counts after standardisation")
                .isEqualTo(Event.EventType.ANOMALOUS);
        assertThat(far.getScore()).isLessThan(0).isLessThan(centre.getScore());
    }

    @Test
    void subsamplesLargeTrainingSetsAndValidatesNu() {
        OneClassSvmScorer scorer = OneClassSvmScorer.train(NAMES, clean(5000, 4), 0.02, 0, 1000, 1);
        assertThat(scorer.trainingRows()).isEqualTo(1000);
        assertThatThrownBy(() -> OneClassSvmScorer.train(NAMES, clean(10, 1), 0.0, 0, 10, 1))
                .hasMessageContaining("nu");
    }
}
