package uk.consumptioninsights.model.anomaly.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderForestTest {

    /*
     * Two tiny trees over features (a, b), max_samples = 4, offset = -0.5 (contamination "auto").
     *
     * Tree 1:  node0: a <= 0.5 (n=4) -> node1 leaf (n=1) | node2: b <= 1.5 (n=3) -> node3 leaf (n=2) | node4 leaf (n=1)
     * Tree 2:  node0: b <= 0.0 (n=4) -> node1 leaf (n=3) | node2 leaf (n=1)
     *
     * c(1) = 0, c(2) = 1, c(3) = 2(ln 2 + 0.5772156649015329) - 2*2/3 = 1.207392357589623,
     * c(4) = 2(ln 3 + 0.5772156649015329) - 2*3/4 = 1.8516559071392855, so the denominator is 2 * c(4) = 3.703311814278571.
     * Path length per tree = depth of the leaf + c(n at the leaf):
     *   tree 1: node1 -> 1 + 0 = 1; node3 -> 2 + 1 = 3; node4 -> 2 + 0 = 2
     *   tree 2: node1 -> 1 + c(3) = 2.207392357589623; node2 -> 1 + 0 = 1
     * score_samples = -2^(-sum / 3.703311814278571):
     *   (0, 0):          1 + 2.207392357589623 = 3.2073923575896233 -> ratio 0.8660875774011603 -> -0.548632663565799
     *   (1, 1):          3 + 1 = 4                                  -> ratio 1.0801142870490978 -> -0.4729913525698814
     *   (1, 2):          2 + 1 = 3                                  -> ratio 0.8100857152868234 -> -0.5703479706671019
     *   (0.50000001, 2): sklearn rounds X to float32 first: (float) 0.50000001 = 0.5 <= 0.5, so tree 1 goes LEFT
     *                    (node1, 1) although the double is above the threshold; tree 2 -> node2 (1); sum 2
     *                                                               -> ratio 0.5400571435245489 -> -0.6877436677788327
     * decision_function = score_samples - (-0.5).
     */
    static ProviderForest twoTinyTrees() {
        ForestTree tree1 = new ForestTree(
                new int[] {1, -1, 3, -1, -1},
                new int[] {2, -1, 4, -1, -1},
                new int[] {0, -2, 1, -2, -2},
                new double[] {0.5, -2, 1.5, -2, -2},
                new long[] {4, 1, 3, 2, 1});
        ForestTree tree2 = new ForestTree(
                new int[] {1, -1, -1},
                new int[] {2, -1, -1},
                new int[] {1, -2, -2},
                new double[] {0.0, -2, -2},
                new long[] {4, 3, 1});
        return new ProviderForest(List.of(tree1, tree2), -0.5, 4, List.of("a", "b"));
    }

    @Test
    void twoTinyTreesScoreExactlyAsComputedByHand() {
        ProviderForest forest = twoTinyTrees();
        double[][] rows = {{0.0, 0.0}, {1.0, 1.0}, {1.0, 2.0}, {0.50000001, 2.0}};
        double[] expected = {-0.548632663565799, -0.4729913525698814, -0.5703479706671019, -0.6877436677788327};

        double[] scores = forest.scoreSamples(rows);
        double[] decisions = forest.decisionFunction(rows);
        ProviderForestScorer scorer = forest.compile();
        for (int i = 0; i < rows.length; i++) {
            assertThat(scores[i]).as("score_samples row %d", i).isCloseTo(expected[i], within(1e-12));
            assertThat(decisions[i]).as("decision_function row %d", i).isCloseTo(expected[i] + 0.5, within(1e-12));
            assertThat(scorer.scoreSample(rows[i])).isCloseTo(expected[i], within(1e-12));
            assertThat(scorer.decisionFunction(rows[i])).isCloseTo(expected[i] + 0.5, within(1e-12));
        }
        // Column-major input gives the same numbers.
        double[] columns = {0.0, 1.0, 1.0, 0.50000001, 0.0, 1.0, 2.0, 2.0};
        assertThat(scorer.scoreSamplesColumnMajor(columns, 4)).containsExactly(scores);
        // (1, 1) is the only inlier under the auto offset.
        assertThat(decisions[1]).isPositive();
        assertThat(decisions[0]).isNegative();
    }

    @Test
    void largeBatchesAgreeWithRowByRowScoring() {
        ProviderForestScorer scorer = twoTinyTrees().compile();
        int n = 10_000;
        double[][] rows = new double[n][];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {random.nextDouble() * 2 - 0.5, random.nextDouble() * 3 - 0.5};
        }
        double[] batch = scorer.scoreSamples(rows);
        for (int i = 0; i < n; i++) {
            assertThat(batch[i]).isEqualTo(scorer.scoreSample(rows[i]));
        }
    }

    @Test
    void rejectsSplitsOnUndeclaredFeatures() {
        ForestTree tree = new ForestTree(new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {2, -2, -2},
                new double[] {0, -2, -2}, new long[] {2, 1, 1});
        assertThatThrownBy(() -> new ProviderForest(List.of(tree), -0.5, 2, List.of("a", "b")))
                .hasMessageContaining("splits on feature 2").hasMessageContaining("2 feature names");
    }

    @Test
    void rejectsMalformedTrees() {
        assertThatThrownBy(() -> new ForestTree(new int[] {1, -1}, new int[] {2, -1}, new int[] {0, -2},
                new double[] {0, 0}, new long[] {2, 1}))
                .hasMessageContaining("children_right = 2 is out of range 0..1");
        assertThatThrownBy(() -> new ForestTree(new int[] {1, 0, -1}, new int[] {2, 2, -1}, new int[] {0, 0, -2},
                new double[] {0, 0, 0}, new long[] {2, 1, 1}))
                .hasMessageContaining("reached twice");
        assertThatThrownBy(() -> new ForestTree(new int[] {1, -1}, new int[] {1, -1, -1}, new int[] {0, -2},
                new double[] {0, 0}, new long[] {2, 1}))
                .hasMessageContaining("different lengths");
        assertThatThrownBy(() -> new ForestTree(new int[] {1, -1, -1}, new int[] {-1, -1, -1}, new int[] {0, -2, -2},
                new double[] {0, 0, 0}, new long[] {2, 1, 1}))
                .hasMessageContaining("node 0");
    }
}
