package uk.consumptioninsights.dataaccess.importer;

import java.time.Instant;

/**
 * One valid half-hourly reading from the file.
 *
 * @param householdId   the LCLid, e.g. MAC000002
 * @param intervalStart start of the half-hour (the file's stamps are UTC)
 * @param kwh           energy in the half-hour, rounded to 3 decimals (Wh resolution)
 */
public record MeterReading(long lineNumber, String householdId, Instant intervalStart, double kwh) implements ParsedLine {
}
