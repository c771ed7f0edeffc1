package uk.consumptioninsights.dataaccess.evaluation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs the evaluation harness on a small generated fleet; tagged so the normal suite skips it (-Pbenchmark runs it). */
@Tag("benchmark")
class DetectionEvaluationBenchmarkTest {

    @Test
    void generatedFleetEvaluationRuns() throws Exception {
        DetectionEvaluation.main(new String[] {"generated", "300"});
    }
}
