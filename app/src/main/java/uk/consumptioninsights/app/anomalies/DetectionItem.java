package uk.consumptioninsights.app.anomalies;

import java.time.Instant;
import java.time.LocalDate;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * One detection as a table row: the row as read, and its cells already in words.
 *
 * @param foundBy who flagged it and whether the other side agrees, e.g. "Local · source agrees"
 */
public record DetectionItem(AnomalyRow row, String meter, String gspGroup, String type, String severity, String rank,
                            String score, String interval, String expectedVsActual, String foundBy, String reason)
        implements AnomalyItem {

    @Override
    public AnomalyType anomalyType() {
        return row.type();
    }

    @Override
    public Severity anomalySeverity() {
        return row.severity();
    }

    @Override
    public String gspCode() {
        return row.gspGroup();
    }

    @Override
    public LocalDate settlementDay() {
        return SettlementCalendar.settlementDate(row.start());
    }

    @Override
    public AnomalyOrigin origin() {
        return row.origin();
    }

    @Override
    public Instant markerTime() {
        return row.start();
    }
}
