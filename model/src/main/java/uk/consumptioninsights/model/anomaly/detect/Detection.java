package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.Objects;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/**
 * One flagged window of one meter.
 *
 * @param pattern     the concrete pattern within the type, e.g. {@code zero_run}, {@code sustained_drop}
 * @param score       0..1, higher is more anomalous; comparable between detections of the same type only
 * @param start       first flagged half-hour (inclusive)
 * @param end         end of the last flagged half-hour (exclusive)
 * @param expectedKwh what the meter's own baseline predicts over the window
 * @param actualKwh   what the meter recorded over the window
 * @param reason      a plain-language explanation with the numbers behind the flag
 */
public record Detection(String meterKey, AnomalyType type, String pattern, Severity severity, double score,
                        Instant start, Instant end, double expectedKwh, double actualKwh, String reason) {

    public Detection {
        Objects.requireNonNull(meterKey, "meterKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Score must be in 0..1, not " + score);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A detection must end after it starts");
        }
    }

    /**
     * Severity rule: the type's own severity for confident detections (score at least 0.7), one level lower otherwise.
     */
    public static Severity severityFor(AnomalyType type, double score) {
        Severity base = type.severity();
        if (score >= 0.7 || base == Severity.LOW) {
            return base;
        }
        return Severity.values()[base.ordinal() + 1];
    }
}
