package uk.consumptioninsights.dataaccess.importer;

import java.time.Instant;
import java.util.Objects;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * A line imported as a reading but flagged as physically implausible: kept in the workspace for the detectors, never
 * counted in totals or charts.
 *
 * @param reason plain-language explanation naming the value
 */
public record FlaggedRow(long lineNumber, String householdId, Instant intervalStart, double kwh, ReadingFlag flag,
                         String reason) {

    public FlaggedRow {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(reason, "reason");
        if (flag == ReadingFlag.PLAUSIBLE) {
            throw new IllegalArgumentException("A flagged row needs an implausibility flag");
        }
    }

    static FlaggedRow of(MeterReading reading) {
        return new FlaggedRow(reading.lineNumber(), reading.householdId(), reading.intervalStart(), reading.kwh(),
                reading.flag(), reading.flag().explain(reading.kwh()));
    }
}
