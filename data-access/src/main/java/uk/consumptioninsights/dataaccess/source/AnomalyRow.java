package uk.consumptioninsights.dataaccess.source;

import java.time.Instant;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/**
 * One detected anomaly as the role may see it.
 *
 * @param meterLabel the MPAN (Settlement) or pseudonym (other per-meter roles)
 * @param expectedKwh null when the detector gives no expectation
 */
public record AnomalyRow(String anomalyId, String meterLabel, String gspGroup, AnomalyType type, Severity severity,
                         double score, Instant start, Instant end, Double expectedKwh, Double actualKwh, String reason) {
}
