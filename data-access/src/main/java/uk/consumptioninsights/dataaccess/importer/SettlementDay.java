package uk.consumptioninsights.dataaccess.importer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One household's readings for one London settlement day, laid out as a bronze delivery.
 *
 * @param firstIntervalUtc start of settlement period 1 (23:00 UTC the day before on a BST day)
 * @param kwh              one slot per settlement period (46, 48 or 50)
 * @param missing          true where the file had no reading for that period
 */
public record SettlementDay(String householdId, LocalDate settlementDate, Instant firstIntervalUtc, double[] kwh, boolean[] missing) {
}
