package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.Objects;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/**
 * One flagged window of one meter.
 *
 * @param pattern      the concrete pattern within the type, e.g. {@code zero_run}, {@code sustained_drop}
 * @param score        0..1, higher is more anomalous; the detector's own score, comparable between detections of the
 *                     same type only
 * @param start        first flagged half-hour (inclusive)
 * @param end          end of the last flagged half-hour (exclusive)
 * @param expectedKwh  what the meter's own baseline predicts over the window
 * @param actualKwh    what the meter recorded over the window
 * @param reason       a plain-language explanation with the numbers behind the flag
 * @param learnedScore the across-type ranking value set by {@link LearnedRanking}: 0..1, higher ranks first, comparable
 *                     between detections of every type from the same rescoring. By default it is the detector's score
 *                     calibrated onto the Isolation-Forest scale type by type: the Isolation-Forest score (trained on the
 *                     fleet's ordinary windows, of the {@link EventFeatures event features}) that the detections of
 *                     this type have at this detection's within-type rank. Within a type it orders as {@code score};
 *                     across types it orders by how unusual each type's windows are. NaN when no ranking was run.
 */
public record Detection(String meterKey, AnomalyType type, String pattern, Severity severity, double score,
                        Instant start, Instant end, double expectedKwh, double actualKwh, String reason,
                        double learnedScore) {

    public Detection {
        Objects.requireNonNull(meterKey, "meterKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Score must be in 0..1, not " + score);
        }
        if (!Double.isNaN(learnedScore) && !(learnedScore >= 0 && learnedScore <= 1)) {
            throw new IllegalArgumentException("Learned score must be in 0..1 or NaN, not " + learnedScore);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A detection must end after it starts");
        }
    }

    /** A detection as a rule detector reports it, before any across-type ranking. */
    public Detection(String meterKey, AnomalyType type, String pattern, Severity severity, double score,
                     Instant start, Instant end, double expectedKwh, double actualKwh, String reason) {
        this(meterKey, type, pattern, severity, score, start, end, expectedKwh, actualKwh, reason, Double.NaN);
    }

    /** This detection with its across-type ranking value. */
    public Detection withLearnedScore(double value) {
        return new Detection(meterKey, type, pattern, severity, score, start, end, expectedKwh, actualKwh, reason, value);
    }

    public boolean hasLearnedScore() {
        return !Double.isNaN(learnedScore);
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
