package uk.consumptioninsights.app.anomalies;

import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.series.Lttb;

/**
 * The consumption line behind the anomaly markers: summed by the source to about {@link AnomaliesViewModel#BACKDROP_POINTS}
 * points, and the height a marker takes from it.
 */
final class MarkerBackdrop {

    final ReadOnlyObjectWrapper<HalfHourlySeries> backdrop =
            new ReadOnlyObjectWrapper<>(this, "backdrop", HalfHourlySeries.empty());
    final ReadOnlyObjectWrapper<SeriesResolution> backdropResolution =
            new ReadOnlyObjectWrapper<>(this, "backdropResolution", SeriesResolution.HALF_HOURLY);
    final ReadOnlyStringWrapper backdropTitle = new ReadOnlyStringWrapper(this, "backdropTitle", "");
    private HalfHourlySeries backdropFull = HalfHourlySeries.empty();

    void clear() {
        backdropFull = HalfHourlySeries.empty();
        backdrop.set(HalfHourlySeries.empty());
        backdropResolution.set(SeriesResolution.HALF_HOURLY);
        backdropTitle.set("");
    }

    void show(ConsumptionSeries answer) {
        backdropFull = answer.series();
        // Set before the line, so whoever redraws on a new line already sees its points' width.
        backdropResolution.set(answer.resolution());
        // Thinning is only a safeguard, for a source that answered half-hourly.
        backdrop.set(Lttb.downsample(backdropFull, AnomaliesViewModel.BACKDROP_POINTS));
        backdropTitle.set(answer.scope().label() + " · " + ScreenSizedSeries.valueUnit(answer.resolution()));
    }

    /**
     * The line's value at {@code epochSecond}: the last point starting at or before it, which is the point whose span
     * holds it unless the line has a gap there; 0 before the line. Markers keep the anomaly's own instant as their x,
     * so they land at the right time whatever the points' width; only their height comes from here.
     */
    double kwhAt(long epochSecond) {
        HalfHourlySeries line = backdropFull;
        int low = 0;
        int high = line.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (line.epochSecondAt(mid) <= epochSecond) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? 0 : line.kwhAt(found);
    }
}
