package uk.consumptioninsights.dataaccess.pipeline;

import java.time.Duration;

/**
 * What one pipeline run did.
 *
 * @param readingsIn         readings in the new delivery batches
 * @param readingsUpserted   readings inserted into or updated in silver
 * @param readingsLate       readings rejected because they arrived after their batch's 48-hour watermark
 * @param readingsSuperseded readings dropped because a later version or a repeat of the same interval won
 */
public record PipelineRun(int batches, long readingsIn, long readingsUpserted, long readingsLate, long readingsSuperseded,
                          Duration elapsed) {
}
