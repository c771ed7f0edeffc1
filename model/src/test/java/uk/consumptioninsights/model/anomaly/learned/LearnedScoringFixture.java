package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The feature rows the learned-scorer benchmarks train and score on: one million readings (issue 3's benchmark size)
 * of five correlated Gaussian features. Seeded, so every run measures the same data.
 */
final class LearnedScoringFixture {

    static final List<String> FEATURE_NAMES = List.of("f0", "f1", "f2", "f3", "f4");
    static final int READINGS = 1_000_000;
    static final long SEED = 2026;

    private LearnedScoringFixture() {
    }

    /** The benchmark rows: {@link #READINGS} rows of {@link #FEATURE_NAMES}, from {@link #SEED}. */
    static double[][] readings() {
        return readings(READINGS, SEED);
    }

    /** f0 is standard normal; f1..f4 mix f0 with independent noise (correlation 0.6, unit variance) around mean f. */
    static double[][] readings(int n, long seed) {
        int d = FEATURE_NAMES.size();
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            double base = IsolationForestModelTest.gaussian(random);
            rows[i][0] = base;
            for (int f = 1; f < d; f++) {
                rows[i][f] = 0.6 * base + 0.8 * IsolationForestModelTest.gaussian(random) + f;
            }
        }
        return rows;
    }

    /** The column-major copy the forests score fastest: feature f of row i at {@code [f * rows + i]}. */
    static double[] columnMajor(double[][] rows) {
        return FlatForest.toColumnMajor(rows, FEATURE_NAMES.size());
    }
}
