package uk.consumptioninsights.dataaccess.source;

import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * A series as the source returned it: each point sums {@code resolution} half-hours, starting at its time.
 */
public record ConsumptionSeries(SeriesScope scope, HalfHourlySeries series, SeriesResolution resolution, Provenance provenance) {

    public ConsumptionSeries(SeriesScope scope, HalfHourlySeries series, Provenance provenance) {
        this(scope, series, SeriesResolution.HALF_HOURLY, provenance);
    }
}
