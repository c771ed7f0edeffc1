package uk.consumptioninsights.app.anomalies;

import java.time.Instant;
import java.time.LocalDate;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/** A row of the Anomalies tab: one detection, or one count for aggregate-only roles. Filters and markers read these. */
public sealed interface AnomalyItem permits DetectionItem, CountItem {

    AnomalyType anomalyType();

    Severity anomalySeverity();

    /** The GSP group code, e.g. {@code _A}. */
    String gspCode();

    /** The settlement day the anomaly starts on. */
    LocalDate settlementDay();

    AnomalyOrigin origin();

    /** Where the chart marks this row. */
    Instant markerTime();
}
