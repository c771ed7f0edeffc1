package uk.consumptioninsights.app.consumption;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * Consumption over the shell's dates for a chosen scope, fetched sized to the chart: the source sums the half-hours
 * into about {@link #pointBudget()} points, so a remote warehouse never ships readings the chart would thin out.
 * Zooming into a window that holds too few of those points fetches that window's settlement days again at a finer
 * resolution (in the background, newest request wins); zooming back out shows the full-range points already held.
 * Totals are sums of the fetched points in the window, which is exact because each point is itself a sum; LTTB is
 * only a last safeguard for a series that still has more points than the budget.
 */
public final class ConsumptionViewModel extends FeatureViewModel {

    static final int MIN_POINTS = 200;
    static final String FINER_TITLE = FinerDays.TITLE;

    private final ScopeChoice scope;
    private final ReadOnlyStringWrapper seriesTitle = new ReadOnlyStringWrapper(this, "seriesTitle", "All meters");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final FinerDays finerDays = new FinerDays(source, runner, session);
    private final VisibleWindow visible = new VisibleWindow();
    /** Re-thinning the window on zoom, pan and resize: only the newest counts. */
    private final LatestLoad windowLoad = new LatestLoad(runner, true);

    private ViewQuery query;
    private ViewQuery shownQuery;
    /** The full range at the resolution of the first load; kept while zoomed so zooming out needs no fetch. */
    private FetchedSeries overview = FetchedSeries.empty(0, 1800);
    private int threshold = 1600;

    public ConsumptionViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        super(source, runner, session);
        scope = new ScopeChoice(source, runner, () -> query == null ? null : query.role(), this::loadSeries);
        startListening();
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        scope.clear();
        overview = FetchedSeries.empty(overview.from(), overview.to());
        finerDays.drop();
        shownQuery = null;
        apply(ChartWindow.of(overview, overview.from(), overview.to(), threshold));
        seriesTitle.set("All meters");
        emptyMessage.set(null);
    }

    @Override
    protected void reload(ViewQuery newQuery) {
        this.query = newQuery;
        finerDays.cancel();
        ScopeOption wantedScope = scope.selectedScope.get();
        MeterChoice wantedMeter = scope.selectedMeter.get();
        int points = threshold;
        load("Loading consumption for " + newQuery.role().displayName(), "load the consumption series",
                progress -> {
                    ScopeChoice.Offer offer = scope.offerFor(newQuery.role(), wantedScope, wantedMeter, progress);
                    return new Reloaded(offer, fetch(newQuery, offer.scope(), points));
                },
                reloaded -> {
                    scope.show(reloaded.offer());
                    show(reloaded.loaded());
                });
    }

    private void loadSeries() {
        if (query == null) {
            return;
        }
        ViewQuery current = query;
        SeriesScope chosen = scope.scope();
        int points = threshold;
        finerDays.cancel();
        load("Loading consumption for " + chosen.label(), "load the consumption series",
                progress -> fetch(current, chosen, points), this::show);
    }

    private Loaded fetch(ViewQuery forQuery, SeriesScope chosen, int points) {
        ConsumptionSeries series = ScreenSizedSeries.fetch(source, forQuery.role(), chosen, forQuery.range(), points);
        FetchedSeries full = FetchedSeries.of(series, forQuery.range());
        return new Loaded(forQuery, full, ChartWindow.of(full, full.from(), full.to(), points), points);
    }

    private void show(Loaded loaded) {
        shownQuery = loaded.query();
        overview = loaded.overview();
        finerDays.drop();
        windowLoad.cancel();
        apply(loaded.window());
        DateRange range = loaded.query().range();
        PurposeRole role = loaded.query().role();
        seriesTitle.set(overview.answer().scope().label() + " · " + role.displayName());
        if (overview.series().isEmpty()) {
            emptyMessage.set("No consumption is visible to " + role.displayName() + " for " + Formats.range(range) + "."
                    + (role.aggregatesOnly() ? " " + role.displayName() + " sees only GSP groups with at least "
                    + role.minimumGroupSize() + " meters." : ""));
        } else {
            emptyMessage.set(null);
        }
        session.recordProvenance(role, overview.answer().provenance());
        if (loaded.points() != threshold) {
            // The chart changed size while this loaded.
            resample();
        }
    }

    private void apply(ChartWindow window) {
        visible.show(window, overview);
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the time under {@code anchor} (0..1 of the width) still. */
    public void zoom(double factor, double anchor) {
        moveTo(visible.viewport().zoom(factor, anchor));
    }

    public void zoomIn() {
        zoom(0.5, 0.5);
    }

    public void zoomOut() {
        zoom(2, 0.5);
    }

    /** Moves the window by {@code fraction} of its width: negative is earlier. */
    public void pan(double fraction) {
        moveTo(visible.viewport().pan(fraction));
    }

    public void resetZoom() {
        moveTo(visible.viewport().reset());
    }

    private void moveTo(ChartViewport next) {
        if (next.equals(visible.viewport())) {
            return;
        }
        visible.showViewport(next);
        resample();
    }

    /** The chart's plot area is this wide; LTTB keeps about two points per pixel. */
    public void setPlotWidth(double pixels) {
        if (pixels < 50) {
            return;
        }
        int wanted = Math.max(MIN_POINTS, (int) Math.round(2 * pixels));
        if (Math.abs(wanted - threshold) > threshold / 10) {
            threshold = wanted;
            resample();
        }
    }

    public int pointBudget() {
        return threshold;
    }

    private void resample() {
        long from = visible.viewport().from();
        long to = visible.viewport().to();
        FetchedSeries base = finerDays.baseFor(overview, from, to);
        int points = threshold;
        windowLoad.start("Downsampling the visible window", progress -> ChartWindow.of(base, from, to, points),
                window -> {
                    apply(window);
                    finerDays.fetchIfCoarse(window, points, shownQuery, overview, this::resample);
                },
                // The runner logs a failure; the window on screen stays as it was.
                error -> { });
    }

    private record Loaded(ViewQuery query, FetchedSeries overview, ChartWindow window, int points) {
    }

    private record Reloaded(ScopeChoice.Offer offer, Loaded loaded) {
    }

    public ObservableList<ScopeOption> scopeOptions() {
        return scope.readOnlyScopeOptions;
    }

    public ObjectProperty<ScopeOption> selectedScopeProperty() {
        return scope.selectedScope;
    }

    public ObservableList<MeterChoice> meters() {
        return scope.readOnlyMeters;
    }

    public ObjectProperty<MeterChoice> selectedMeterProperty() {
        return scope.selectedMeter;
    }

    /** What the analyst typed to find a meter; the meters list follows it. */
    public StringProperty meterSearchProperty() {
        return scope.meterFinder.textProperty();
    }

    /** How many meters the list shows and how to narrow it. */
    public ReadOnlyStringProperty meterSearchNoteProperty() {
        return scope.meterFinder.noteProperty();
    }

    public ReadOnlyBooleanProperty meterPickerVisibleProperty() {
        return scope.meterPickerVisible.getReadOnlyProperty();
    }

    /** The fetched points of the visible window; thinned with LTTB only when more than {@link #pointBudget()}. */
    public ReadOnlyObjectProperty<HalfHourlySeries> displayedProperty() {
        return visible.displayed.getReadOnlyProperty();
    }

    /** Visible window start, UTC epoch seconds. */
    public ReadOnlyDoubleProperty viewFromProperty() {
        return visible.viewFrom.getReadOnlyProperty();
    }

    /** Visible window end (exclusive), UTC epoch seconds. */
    public ReadOnlyDoubleProperty viewToProperty() {
        return visible.viewTo.getReadOnlyProperty();
    }

    /**
     * Half-hour periods spanned by the visible points, within the shown dates. For half-hourly points these are the
     * half-hours with a reading; inside a coarser point a half-hour without any reading still counts.
     */
    public ReadOnlyLongProperty visibleHalfHoursProperty() {
        return visible.visibleHalfHours.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty visibleTotalProperty() {
        return visible.visibleTotal.getReadOnlyProperty();
    }

    /** {@link #visibleHalfHoursProperty()} as shown. */
    public ReadOnlyStringProperty visiblePointsProperty() {
        return visible.visiblePoints.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visibleTotalKwhProperty() {
        return visible.visibleTotalKwh.getReadOnlyProperty();
    }

    /** First to last half-hour the visible points span: what the totals are of. */
    public ReadOnlyStringProperty visibleRangeProperty() {
        return visible.visibleRange.getReadOnlyProperty();
    }

    /** How much time each drawn point sums, e.g. "2 h per point", and whether the line was thinned. */
    public ReadOnlyStringProperty resolutionProperty() {
        return visible.resolution.getReadOnlyProperty();
    }

    /** The value axis' unit: kWh per half-hour, or per the points' width. */
    public ReadOnlyStringProperty valueAxisLabelProperty() {
        return visible.valueAxisLabel.getReadOnlyProperty();
    }

    /** True while finer points for a zoomed window are on their way; the coarse line stays meanwhile. */
    public ReadOnlyBooleanProperty loadingFinerProperty() {
        return finerDays.load().loadingProperty();
    }

    public ReadOnlyStringProperty seriesTitleProperty() {
        return seriesTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceProperty() {
        return visible.provenance.getReadOnlyProperty();
    }

    /** Null when there is something to draw. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty zoomedProperty() {
        return visible.zoomed.getReadOnlyProperty();
    }
}
