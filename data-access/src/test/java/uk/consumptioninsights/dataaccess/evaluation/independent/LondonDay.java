package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.Instant;
import java.time.LocalDate;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * A London local day as the spec's "day": from local midnight to the next, 46, 48 or 50 half-hours.
 *
 * @param start   local midnight in epoch seconds
 * @param end     the next local midnight in epoch seconds
 * @param periods half-hours in the day
 */
public record LondonDay(LocalDate date, long start, long end, int periods) {

    public static LondonDay of(LocalDate date) {
        return new LondonDay(date, SettlementCalendar.dayStart(date).getEpochSecond(),
                SettlementCalendar.dayStart(date.plusDays(1)).getEpochSecond(), SettlementCalendar.periodsIn(date));
    }

    /** The day holding the half-hour that starts at {@code epochSecond}. */
    public static LondonDay containing(long epochSecond) {
        return of(SettlementCalendar.settlementDate(Instant.ofEpochSecond(epochSecond)));
    }

    public LondonDay next() {
        return of(date.plusDays(1));
    }

    /** 0-based position of the half-hour starting at {@code epochSecond} within this day. */
    public int periodIndex(long epochSecond) {
        return (int) ((epochSecond - start) / HouseholdSeries.HALF_HOUR);
    }

    public EventSpan span() {
        return new EventSpan(start, end);
    }
}
