package uk.consumptioninsights.app.consumption;

import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** A series as the source returned it, for the settlement days [from, to) it was asked for (epoch seconds). */
record FetchedSeries(ConsumptionSeries answer, long from, long to) {

    static FetchedSeries of(ConsumptionSeries answer, DateRange days) {
        return new FetchedSeries(answer, SettlementCalendar.dayStart(days.from()).getEpochSecond(),
                SettlementCalendar.dayStart(days.to().plusDays(1)).getEpochSecond());
    }

    static FetchedSeries empty(long from, long to) {
        return new FetchedSeries(new ConsumptionSeries(new SeriesScope.AllMeters(), HalfHourlySeries.empty(), null), from, to);
    }

    HalfHourlySeries series() {
        return answer.series();
    }

    SeriesResolution resolution() {
        return answer.resolution();
    }

    boolean covers(long windowFrom, long windowTo) {
        return from <= windowFrom && windowTo <= to;
    }
}
