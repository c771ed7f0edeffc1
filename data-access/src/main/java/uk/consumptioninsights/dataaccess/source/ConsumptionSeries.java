package uk.consumptioninsights.dataaccess.source;

import uk.consumptioninsights.model.series.HalfHourlySeries;

/** A half-hourly series as the source returned it, before any downsampling for the screen. */
public record ConsumptionSeries(SeriesScope scope, HalfHourlySeries series, Provenance provenance) {
}
