package uk.consumptioninsights.app.consumption;

import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/** What the chart shows now: the viewport, the line drawn in it, and the totals and labels that go with them. */
final class VisibleWindow {

    final ReadOnlyObjectWrapper<HalfHourlySeries> displayed =
            new ReadOnlyObjectWrapper<>(this, "displayed", HalfHourlySeries.empty());
    final ReadOnlyDoubleWrapper viewFrom = new ReadOnlyDoubleWrapper(this, "viewFrom", 0);
    final ReadOnlyDoubleWrapper viewTo = new ReadOnlyDoubleWrapper(this, "viewTo", 1800);
    final ReadOnlyLongWrapper visibleHalfHours = new ReadOnlyLongWrapper(this, "visibleHalfHours");
    final ReadOnlyDoubleWrapper visibleTotal = new ReadOnlyDoubleWrapper(this, "visibleTotal");
    final ReadOnlyStringWrapper visiblePoints = new ReadOnlyStringWrapper(this, "visiblePoints", Formats.NONE);
    final ReadOnlyStringWrapper visibleTotalKwh = new ReadOnlyStringWrapper(this, "visibleTotalKwh", Formats.NONE);
    final ReadOnlyStringWrapper visibleRange = new ReadOnlyStringWrapper(this, "visibleRange", "");
    final ReadOnlyStringWrapper resolution = new ReadOnlyStringWrapper(this, "resolution", "");
    final ReadOnlyStringWrapper valueAxisLabel =
            new ReadOnlyStringWrapper(this, "valueAxisLabel", ScreenSizedSeries.valueUnit(SeriesResolution.HALF_HOURLY));
    final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");
    final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper(this, "zoomed", false);
    private ChartViewport viewport = ChartViewport.whole(0, 1800);

    ChartViewport viewport() {
        return viewport;
    }

    void showViewport(ChartViewport next) {
        viewport = next;
        viewFrom.set(next.from());
        viewTo.set(next.to());
        zoomed.set(next.zoomed());
    }

    /** Shows {@code window} of a series whose full span is {@code overview}'s. */
    void show(ChartWindow window, FetchedSeries overview) {
        FetchedSeries base = window.base();
        showViewport(new ChartViewport(window.from(), window.to(), overview.from(), overview.to()));
        displayed.set(window.displayed());
        visibleHalfHours.set(window.halfHours());
        visibleTotal.set(window.total());
        visiblePoints.set(Formats.count(window.halfHours()));
        visibleTotalKwh.set(Formats.kwh(window.total()));
        visibleRange.set(window.coveredTo() > window.coveredFrom()
                ? Formats.shortPeriod(Instant.ofEpochSecond(window.coveredFrom())) + " – "
                + Formats.shortPeriod(Instant.ofEpochSecond(window.coveredTo() - 1))
                : "");
        int drawn = window.displayed().size();
        resolution.set(base.series().isEmpty() ? "" : ScreenSizedSeries.pointWidth(base.resolution()) + " per point"
                + (drawn < window.fetchedPoints()
                ? " · line thinned to " + Formats.count(drawn) + " of " + Formats.count(window.fetchedPoints()) : ""));
        valueAxisLabel.set(ScreenSizedSeries.valueUnit(base.resolution()));
        provenance.set(base.answer().provenance() == null ? "" : Formats.provenance(base.answer().provenance()));
    }
}
