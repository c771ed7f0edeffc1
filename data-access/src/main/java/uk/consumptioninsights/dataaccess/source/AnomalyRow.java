package uk.consumptioninsights.dataaccess.source;

import java.time.Instant;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/**
 * One detected anomaly as the role may see it.
 *
 * @param meterLabel the MPAN (Settlement) or pseudonym (other per-meter roles)
 * @param score        the detector's own score, comparable between detections of one type only
 * @param expectedKwh  null when the detector gives no expectation
 * @param learnedScore the learned ranking score (0..1), comparable across types; null when the detector gives none
 */
public record AnomalyRow(String anomalyId, String meterLabel, String gspGroup, AnomalyType type, Severity severity,
                         double score, Instant start, Instant end, Double expectedKwh, Double actualKwh, String reason,
                         AnomalyOrigin origin, Double learnedScore) {
}
