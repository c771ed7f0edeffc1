package uk.consumptioninsights.app.common;

import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Asking a source for a series sized to a chart, and saying how wide its points are. Shared by the charts of the
 * Consumption and Anomalies tabs.
 */
public final class ScreenSizedSeries {

    private ScreenSizedSeries() {
    }

    /** The series over {@code range} summed by the source into at most about {@code points} points. */
    public static ConsumptionSeries fetch(ConsumptionSource source, PurposeRole role, SeriesScope scope,
                                          DateRange range, int points) {
        return source.consumption(role, scope, range, SeriesResolution.forPoints(range, points));
    }

    /** "30 min", "2 h", "5 h 30 min": the time one point sums. */
    public static String pointWidth(SeriesResolution resolution) {
        int minutes = resolution.halfHoursPerPoint() * 30;
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h 30 min";
    }

    /** The value axis' unit: "kWh per half-hour", or "kWh per 2 h" when each point sums several half-hours. */
    public static String valueUnit(SeriesResolution resolution) {
        return resolution.halfHourly() ? "kWh per half-hour" : "kWh per " + pointWidth(resolution);
    }
}
