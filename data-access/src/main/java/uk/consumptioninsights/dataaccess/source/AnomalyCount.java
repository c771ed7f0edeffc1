package uk.consumptioninsights.dataaccess.source;

import java.time.LocalDate;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/** Anomalies counted by GSP group, type, severity and day: what an aggregate-only role sees. */
public record AnomalyCount(String gspGroup, AnomalyType type, Severity severity, LocalDate day, AnomalyOrigin origin,
                           int count) {
}
