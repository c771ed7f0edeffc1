package uk.consumptioninsights.dataaccess.importer;

import java.time.Instant;
import java.util.Objects;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * One well-formed half-hourly reading from the file.
 *
 * @param householdId   the LCLid, e.g. MAC000002
 * @param intervalStart start of the half-hour (the file's stamps are UTC)
 * @param kwh           energy in the half-hour as recorded, rounded to 3 decimals (Wh resolution)
 * @param flag          whether the value is physically plausible; an implausible one is kept but never summed
 */
public record MeterReading(long lineNumber, String householdId, Instant intervalStart, double kwh, ReadingFlag flag)
        implements ParsedLine {

    public MeterReading {
        Objects.requireNonNull(flag, "flag");
    }

    /** A reading whose flag follows from its value. */
    public MeterReading(long lineNumber, String householdId, Instant intervalStart, double kwh) {
        this(lineNumber, householdId, intervalStart, kwh, ReadingFlag.of(kwh));
    }
}
