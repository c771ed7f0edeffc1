package uk.consumptioninsights.model.anomaly.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoveltyScorerTest {

    private static final List<String> NAMES = List.of("level", "shape", "always_zero");

    /** Gaussian rows on different scales, with a third feature that never varies in ordinary data. */
    private static double[][] ordinary(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {10 + 3 * IsolationForestModelTest.gaussian(random), IsolationForestModelTest.gaussian(random), 0};
        }
        return rows;
    }

    @Test
    void bothScorersPutOutliersAboveOrdinaryRowsInZeroToOne() {
        double[][] queries = new double[101][];
        System.arraycopy(ordinary(100, 2), 0, queries, 0, 100);
        queries[100] = new double[] {40, 0, 0};
        for (NoveltyScorer scorer : List.of(IsolationForestNovelty.defaults(), OneClassSvmNovelty.defaults())) {
            double[] novelty = scorer.fitAndScore(NAMES, ordinary(2000, 1), queries, 9);
            assertThat(Arrays.stream(novelty).boxed().toList()).as(scorer.name()).hasSize(101)
                    .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
            double median = Arrays.stream(novelty, 0, 100).sorted().toArray()[50];
            assertThat(median).as(scorer.name()).isLessThan(0.5);
            assertThat(novelty[100]).as(scorer.name()).isGreaterThan(Arrays.stream(novelty, 0, 100).max().orElseThrow());
        }
    }

    @Test
    void aFeatureThatNeverVariesInOrdinaryRowsDoesNotBreakTheSvm() {
        double[][] queries = {{10, 0, 0}, {10, 0, 1}};
        double[] novelty = OneClassSvmNovelty.defaults().fitAndScore(NAMES, ordinary(500, 3), queries, 9);
        assertThat(Arrays.stream(novelty).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    @Test
    void isolationForestNoveltyIsTheNegatedSklearnScore() {
        double[][] training = ordinary(500, 4);
        double[][] queries = ordinary(20, 5);
        double[] novelty = IsolationForestNovelty.defaults().fitAndScore(NAMES, training, queries, 11);
        IsolationForestModel model = new IsolationForestTrainer(100, 256, IsolationForestTrainer.AUTO_CONTAMINATION, 11)
                .train(AnomalyDatasets.expected("t", NAMES, training));
        // the model takes its columns in feature-name order
        assertThat(model.featureNames()).containsExactly("always_zero", "level", "shape");
        double[][] reordered = Arrays.stream(queries).map(r -> new double[] {r[2], r[0], r[1]}).toArray(double[][]::new);
        double[] sklearn = model.scoreSamples(reordered);
        for (int i = 0; i < queries.length; i++) {
            assertThat(novelty[i]).isEqualTo(-sklearn[i]);
        }
    }
}
