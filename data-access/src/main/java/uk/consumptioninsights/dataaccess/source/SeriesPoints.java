package uk.consumptioninsights.dataaccess.source;

import java.util.Arrays;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Sums a half-hourly series into points of a {@link SeriesResolution}, aligned as the query catalog aligns them. */
public final class SeriesPoints {

    private SeriesPoints() {
    }

    /** Each point starts at the first settlement day's start plus a whole number of point widths. */
    public static HalfHourlySeries sum(HalfHourlySeries halfHourly, DateRange range, SeriesResolution resolution) {
        long origin = SettlementCalendar.dayStart(range.from()).getEpochSecond();
        long width = resolution.bucketSeconds();
        long[] starts = new long[halfHourly.size()];
        double[] kwh = new double[halfHourly.size()];
        int n = -1;
        for (int i = 0; i < halfHourly.size(); i++) {
            long start = origin + Math.floorDiv(halfHourly.epochSecondAt(i) - origin, width) * width;
            if (n < 0 || starts[n] != start) {
                starts[++n] = start;
            }
            kwh[n] += halfHourly.kwhAt(i);
        }
        return new HalfHourlySeries(Arrays.copyOf(starts, n + 1), Arrays.copyOf(kwh, n + 1));
    }
}
