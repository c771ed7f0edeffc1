package uk.consumptioninsights.app.anomalies;

import java.time.Instant;
import java.time.LocalDate;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Anomalies counted per GSP group, type, severity, day and origin: what aggregate-only roles see. */
public record CountItem(AnomalyCount row, String day, String gspGroup, String type, String severity, String foundBy,
                        String count) implements AnomalyItem {

    /** Noon of the settlement day: a count has no time of day. */
    private static final int MIDDAY_PERIOD = 25;

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
        return row.day();
    }

    @Override
    public AnomalyOrigin origin() {
        return row.origin();
    }

    @Override
    public Instant markerTime() {
        return SettlementCalendar.periodStart(row.day(), Math.min(MIDDAY_PERIOD, SettlementCalendar.periodsIn(row.day())));
    }
}
