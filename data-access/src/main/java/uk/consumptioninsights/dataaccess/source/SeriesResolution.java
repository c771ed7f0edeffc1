package uk.consumptioninsights.dataaccess.source;

import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * How many half-hours each point of a fetched series sums, so a chart asks the engine for about as many points as it
 * can draw instead of every half-hour it would then thin out.
 *
 * @param halfHoursPerPoint 1 for the half-hourly series itself
 */
public record SeriesResolution(int halfHoursPerPoint) {

    public static final SeriesResolution HALF_HOURLY = new SeriesResolution(1);

    public SeriesResolution {
        if (halfHoursPerPoint < 1) {
            throw new IllegalArgumentException("A point sums at least one half-hour");
        }
    }

    /** The finest resolution that gives at most {@code points} points over {@code range}. */
    public static SeriesResolution forPoints(DateRange range, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("At least one point");
        }
        long seconds = SettlementCalendar.dayStart(range.to().plusDays(1)).getEpochSecond()
                - SettlementCalendar.dayStart(range.from()).getEpochSecond();
        long halfHours = seconds / 1800;
        return new SeriesResolution((int) Math.max(1, (halfHours + points - 1) / points));
    }

    public long bucketSeconds() {
        return halfHoursPerPoint * 1800L;
    }

    public boolean halfHourly() {
        return halfHoursPerPoint == 1;
    }
}
