package uk.consumptioninsights.dataaccess.quality;

/**
 * A meter missing readings between its first and last day.
 *
 * @param meterKey       the MPAN for Settlement, the keyed pseudonym for the other per-meter purposes
 * @param daysWithGaps   settlement days on which it owes at least one period
 * @param periodsMissing periods with no reading at all, over every such day
 */
public record MeterGap(String meterKey, String gspGroup, long daysWithGaps, long periodsMissing) {
}
