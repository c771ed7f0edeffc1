package uk.consumptioninsights.model.settlement;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The data quality of one settlement day in one GSP group (or of one meter-day, in a drill-down): how much of what was
 * due arrived, how much of the energy rests on actual reads, and what the pipeline had to set aside.
 *
 * @param periodsInDay        46, 48 or 50 (Europe/London)
 * @param meterDays           meter-days delivered (at least one delivery, on time or late)
 * @param periodsExpected     meterDays × periodsInDay
 * @param periodsReceived     periods held after the pipeline, plausible or flagged
 * @param periodsFlagged      readings kept but flagged as implausible (not in the energy)
 * @param periodsEstimated    plausible readings on estimated reads
 * @param meterDaysEstimated  meter-days with at least one estimated reading
 * @param kwhTotal            energy of the plausible readings
 * @param kwhActual           of which on actual reads (unknown read types are not actual)
 * @param deliveries          deliveries received
 * @param duplicateDeliveries deliveries repeating a version of the meter-day already delivered
 * @param supersededVersions  versions of a meter-day replaced by the higher version silver holds
 * @param readingsLate        readings rejected by the watermark
 */
public record SettlementDayQuality(LocalDate settlementDate, String gspGroup, int periodsInDay, long meterDays,
                                   long periodsExpected, long periodsReceived, long periodsFlagged, long periodsEstimated,
                                   long meterDaysEstimated, double kwhTotal, double kwhActual, long deliveries,
                                   long duplicateDeliveries, long supersededVersions, long readingsLate) {

    public SettlementDayQuality {
        Objects.requireNonNull(settlementDate, "settlementDate");
        Objects.requireNonNull(gspGroup, "gspGroup");
        if (periodsInDay != 46 && periodsInDay != 48 && periodsInDay != 50) {
            throw new IllegalArgumentException("A settlement day has 46, 48 or 50 periods, not " + periodsInDay);
        }
        if (periodsReceived > periodsExpected) {
            throw new IllegalArgumentException("More periods received (" + periodsReceived + ") than expected ("
                    + periodsExpected + ") on " + settlementDate + " in " + gspGroup);
        }
    }

    /** Periods received over periods expected, 0 to 1; 1 when nothing was due. */
    public double completeness() {
        return periodsExpected == 0 ? 1 : (double) periodsReceived / periodsExpected;
    }

    public long periodsMissing() {
        return periodsExpected - periodsReceived;
    }

    /** Energy on actual reads over all plausible energy, 0 to 1; 1 when there is no energy to settle. */
    public double actualReadShare() {
        return kwhTotal <= 0 ? 1 : Math.min(1, kwhActual / kwhTotal);
    }

    public boolean meetsTarget(ActualReadTarget target) {
        return actualReadShare() >= target.share();
    }

    /** Energy short of the target: what would have to move from estimated (or unknown) to actual reads to meet it. */
    public double kwhShortOfTarget(ActualReadTarget target) {
        return Math.max(0, target.share() * kwhTotal - kwhActual);
    }
}
