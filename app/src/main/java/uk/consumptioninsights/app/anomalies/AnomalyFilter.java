package uk.consumptioninsights.app.anomalies;

import java.time.LocalDate;
import java.util.function.Predicate;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/** What the Anomalies table is narrowed to; a null component means "any". */
public record AnomalyFilter(AnomalyType type, Severity severity, String gspCode, LocalDate day, AnomalyOrigin origin)
        implements Predicate<AnomalyItem> {

    public static final AnomalyFilter ANY = new AnomalyFilter(null, null, null, null, null);

    @Override
    public boolean test(AnomalyItem item) {
        return (type == null || type == item.anomalyType())
                && (severity == null || severity == item.anomalySeverity())
                && (gspCode == null || gspCode.equals(item.gspCode()))
                && (day == null || day.equals(item.settlementDay()))
                && (origin == null || origin == item.origin());
    }

    public boolean isAny() {
        return equals(ANY);
    }

    public AnomalyFilter withType(AnomalyType value) {
        return new AnomalyFilter(value, severity, gspCode, day, origin);
    }

    public AnomalyFilter withSeverity(Severity value) {
        return new AnomalyFilter(type, value, gspCode, day, origin);
    }

    public AnomalyFilter withGspCode(String value) {
        return new AnomalyFilter(type, severity, value, day, origin);
    }

    public AnomalyFilter withDay(LocalDate value) {
        return new AnomalyFilter(type, severity, gspCode, value, origin);
    }

    public AnomalyFilter withOrigin(AnomalyOrigin value) {
        return new AnomalyFilter(type, severity, gspCode, day, value);
    }
}
