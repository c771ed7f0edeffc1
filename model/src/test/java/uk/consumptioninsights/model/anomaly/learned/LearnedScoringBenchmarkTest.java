package uk.consumptioninsights.model.anomaly.learned;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the harness only with {@code -Pbenchmark}: {@code mvn -pl model -Pbenchmark test -Dtest=LearnedScoringBenchmarkTest}. */
@Tag("benchmark")
class LearnedScoringBenchmarkTest {

    @Test
    void oneMillionRows() {
        LearnedScoringBenchmark.main(new String[] {"1000000"});
    }
}
