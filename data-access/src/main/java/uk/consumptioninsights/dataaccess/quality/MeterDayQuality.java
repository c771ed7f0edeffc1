package uk.consumptioninsights.dataaccess.quality;

import java.time.LocalDate;

/**
 * One meter-day of the drill-down, under the meter key the purpose may see (raw MPAN for Settlement only).
 *
 * @param periodsRead      plausible readings held
 * @param periodsEstimated of which on estimated reads
 * @param kwhActual        of {@code kwhTotal}, the kWh on actual reads
 */
public record MeterDayQuality(String meterKey, String gspGroup, LocalDate settlementDate, int periodsExpected,
                              int periodsRead, int periodsFlagged, int periodsEstimated, double kwhTotal,
                              double kwhActual) {

    public int periodsMissing() {
        return periodsExpected - periodsRead - periodsFlagged;
    }

    /** Energy on actual reads over all plausible energy, 0 to 1; 1 when the meter-day has none. */
    public double actualReadShare() {
        return kwhTotal <= 0 ? 1 : Math.min(1, kwhActual / kwhTotal);
    }
}
