package uk.consumptioninsights.app.consumption;

import java.time.Instant;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.series.Lttb;

/**
 * What the chart shows of {@code base} in [from, to): the line, how many fetched points it stands for, the
 * half-hours and kWh those points sum, and the span [coveredFrom, coveredTo) they cover.
 */
record ChartWindow(FetchedSeries base, HalfHourlySeries displayed, int fetchedPoints, long halfHours, double total,
                   long from, long to, long coveredFrom, long coveredTo) {

    /**
     * Runs off the UI thread: the points of {@code base} starting in [from, to), their sum, the half-hours they span
     * (the last point of the dates may span fewer), and the line, thinned only when over {@code points}.
     */
    static ChartWindow of(FetchedSeries base, long from, long to, int points) {
        HalfHourlySeries visible = base.series().slice(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
        long width = base.resolution().bucketSeconds();
        long halfHours = 0;
        for (int i = 0; i < visible.size(); i++) {
            long start = visible.epochSecondAt(i);
            halfHours += (Math.min(start + width, base.to()) - start) / 1800;
        }
        long coveredFrom = visible.isEmpty() ? from : visible.epochSecondAt(0);
        long coveredTo = visible.isEmpty() ? to : Math.min(visible.epochSecondAt(visible.size() - 1) + width, base.to());
        return new ChartWindow(base, Lttb.downsample(visible, points), visible.size(), halfHours, visible.totalKwh(),
                from, to, coveredFrom, coveredTo);
    }
}
