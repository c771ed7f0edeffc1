package uk.consumptioninsights.dataaccess.generate;

import java.time.Duration;
import uk.consumptioninsights.dataaccess.pipeline.PipelineRun;

/**
 * What building a synthetic workspace produced.
 *
 * @param deliveries bronze deliveries written, including duplicates, re-published versions and late ones
 * @param readings   half-hourly readings in gold after the pipeline
 * @param labels     injected anomaly labels
 */
public record BuildReport(int meters, int days, long deliveries, long readings, int labels, PipelineRun pipeline,
                          Duration generation, Duration total) {
}
