package uk.consumptioninsights.dataaccess.quality;

import java.time.LocalDate;

/**
 * Completeness of one settlement day, for one GSP group or (with {@code gspGroup} null) for every group together.
 * A meter is expected on every day between its first and last reading; each expected meter owes the day's 46, 48 or
 * 50 periods.
 *
 * @param periodsInDay        46, 48 or 50 (the clock-change days have 46 and 50)
 * @param metersExpected      meters whose readings span this day
 * @param metersReporting     meters with at least one reading (plausible or flagged) on this day
 * @param readingsExpected    periods the expected meters owe: {@code metersExpected × periodsInDay}
 * @param readingsPresent     plausible readings held (the ones counted in consumption)
 * @param readingsFlagged     readings kept but flagged as implausible (negative or above the ceiling), never counted
 * @param negativeReadings    the flagged readings that are negative
 * @param readingsMissing     periods with no reading at all: expected less present less flagged
 * @param deliveries          deliveries received for the day (one meter's day each, repeats included)
 * @param duplicateDeliveries deliveries repeating a version already received
 * @param supersededVersions  versions replaced by a later one (an estimate re-published, a correction)
 * @param lateRejected        readings that arrived after the watermark and were not merged
 */
public record WorkspaceDayQuality(LocalDate settlementDate, String gspGroup, int periodsInDay, long metersExpected,
                                   long metersReporting, long readingsExpected, long readingsPresent,
                                   long readingsFlagged, long negativeReadings, long readingsMissing, long deliveries,
                                   long duplicateDeliveries, long supersededVersions, long lateRejected) {

    /** Every expected period has a plausible reading. */
    public boolean complete() {
        return readingsMissing == 0 && readingsFlagged == 0;
    }

    /** Present readings as a share of those expected, 0..1 (1 for a day that owes none). */
    public double completeness() {
        return readingsExpected == 0 ? 1 : (double) readingsPresent / readingsExpected;
    }

    WorkspaceDayQuality plus(WorkspaceDayQuality other) {
        return new WorkspaceDayQuality(settlementDate, null, Math.max(periodsInDay, other.periodsInDay),
                metersExpected + other.metersExpected, metersReporting + other.metersReporting,
                readingsExpected + other.readingsExpected, readingsPresent + other.readingsPresent,
                readingsFlagged + other.readingsFlagged, negativeReadings + other.negativeReadings,
                readingsMissing + other.readingsMissing, deliveries + other.deliveries,
                duplicateDeliveries + other.duplicateDeliveries, supersededVersions + other.supersededVersions,
                lateRejected + other.lateRejected);
    }
}
