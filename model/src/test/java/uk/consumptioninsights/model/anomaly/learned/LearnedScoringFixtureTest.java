package uk.consumptioninsights.model.anomaly.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The benchmark data is what {@link LearnedScoringBenchmark} reports it measures; no timing here. */
class LearnedScoringFixtureTest {

    @Test
    void oneMillionReadingsOfFiveFeaturesInBothLayouts() {
        double[][] rows = LearnedScoringFixture.readings();
        double[] columns = LearnedScoringFixture.columnMajor(rows);

        assertThat(LearnedScoringFixture.READINGS).isEqualTo(1_000_000);
        assertThat(rows).hasDimensions(1_000_000, 5);
        assertThat(LearnedScoringFixture.FEATURE_NAMES).hasSize(5).doesNotHaveDuplicates();
        assertThat(columns).hasSize(5_000_000);
        int last = rows.length - 1;
        assertThat(columns[3 * rows.length + last]).isEqualTo(rows[last][3]);

        // f0 ~ N(0, 1); f1..f4 ~ N(f, 1) with correlation 0.6 to f0, as the fixture documents.
        for (int f = 0; f < 5; f++) {
            double mean = 0;
            for (double[] row : rows) {
                mean += row[f];
            }
            mean /= rows.length;
            assertThat(mean).as("mean of f%d", f).isCloseTo(f, within(0.01));
        }
        double covariance = 0;
        double variance = 0;
        for (double[] row : rows) {
            covariance += row[0] * (row[2] - 2);
            variance += (row[2] - 2) * (row[2] - 2);
        }
        assertThat(covariance / rows.length).isCloseTo(0.6, within(0.01));
        assertThat(variance / rows.length).isCloseTo(1.0, within(0.01));

        // Seeded: every run measures the same readings.
        assertThat(LearnedScoringFixture.readings(1_000, LearnedScoringFixture.SEED)).isDeepEqualTo(Arrays.copyOf(rows, 1_000));
    }
}
