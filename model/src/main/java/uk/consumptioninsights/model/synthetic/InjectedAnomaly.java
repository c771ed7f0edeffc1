package uk.consumptioninsights.model.synthetic;

import java.time.Instant;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * A label: what was injected into one meter's series, where. Labels are ground truth for evaluation, never
 * detections.
 *
 * @param pattern   the concrete pattern within the type, e.g. {@code zero_run}, {@code sustained_drop}
 * @param start     first affected half-hour (inclusive)
 * @param end       end of the last affected half-hour (exclusive)
 * @param magnitude pattern-specific size: the fraction removed for theft, the final gain for drift, the value for spikes
 */
public record InjectedAnomaly(String meterKey, AnomalyType type, String pattern, Instant start, Instant end,
                              double magnitude, String description) {
}
