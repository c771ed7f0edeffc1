package uk.consumptioninsights.app.consumption;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.series.Lttb;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Consumption over the shell's dates for a chosen scope, fetched sized to the chart: the source sums the half-hours
 * into about {@link #pointBudget()} points, so a remote warehouse never ships readings the chart would thin out.
 * Zooming into a window that holds too few of those points fetches that window's settlement days again at a finer
 * resolution (in the background, newest request wins); zooming back out shows the full-range points already held.
 * Totals are sums of the fetched points in the window, which is exact because each point is itself a sum; LTTB is
 * only a last safeguard for a series that still has more points than the budget.
 */
public final class ConsumptionViewModel extends FeatureViewModel {

    /** The narrowest window zoom allows: eight half-hours. */
    static final long MIN_WINDOW_SECONDS = 8 * 1800;
    static final int MIN_POINTS = 200;
    static final String FINER_TITLE = "Loading finer consumption for the visible window";

    private final ObservableList<ScopeOption> scopeOptions = FXCollections.observableArrayList(ScopeOption.ALL);
    private final ObservableList<ScopeOption> readOnlyScopeOptions = FXCollections.unmodifiableObservableList(scopeOptions);
    private final ObjectProperty<ScopeOption> selectedScope = new SimpleObjectProperty<>(this, "selectedScope", ScopeOption.ALL);
    private final ObservableList<MeterChoice> meters = FXCollections.observableArrayList();
    private final ObservableList<MeterChoice> readOnlyMeters = FXCollections.unmodifiableObservableList(meters);
    private final ObjectProperty<MeterChoice> selectedMeter = new SimpleObjectProperty<>(this, "selectedMeter");
    private final ReadOnlyBooleanWrapper meterPickerVisible = new ReadOnlyBooleanWrapper(this, "meterPickerVisible", false);
    private final MeterFinder meterFinder;
    private final ReadOnlyObjectWrapper<HalfHourlySeries> displayed =
            new ReadOnlyObjectWrapper<>(this, "displayed", HalfHourlySeries.empty());
    private final ReadOnlyDoubleWrapper viewFrom = new ReadOnlyDoubleWrapper(this, "viewFrom", 0);
    private final ReadOnlyDoubleWrapper viewTo = new ReadOnlyDoubleWrapper(this, "viewTo", 1800);
    private final ReadOnlyLongWrapper visibleHalfHours = new ReadOnlyLongWrapper(this, "visibleHalfHours");
    private final ReadOnlyDoubleWrapper visibleTotal = new ReadOnlyDoubleWrapper(this, "visibleTotal");
    private final ReadOnlyStringWrapper visiblePoints = new ReadOnlyStringWrapper(this, "visiblePoints", Formats.NONE);
    private final ReadOnlyStringWrapper visibleTotalKwh = new ReadOnlyStringWrapper(this, "visibleTotalKwh", Formats.NONE);
    private final ReadOnlyStringWrapper visibleRange = new ReadOnlyStringWrapper(this, "visibleRange", "");
    private final ReadOnlyStringWrapper resolution = new ReadOnlyStringWrapper(this, "resolution", "");
    private final ReadOnlyStringWrapper valueAxisLabel =
            new ReadOnlyStringWrapper(this, "valueAxisLabel", ScreenSizedSeries.valueUnit(SeriesResolution.HALF_HOURLY));
    private final ReadOnlyStringWrapper seriesTitle = new ReadOnlyStringWrapper(this, "seriesTitle", "All meters");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper(this, "zoomed", false);
    private final LatestLoad finerLoad = new LatestLoad(runner, true);

    private ViewQuery query;
    private ViewQuery shownQuery;
    /** The full range at the resolution of the first load; kept while zoomed so zooming out needs no fetch. */
    private Fetched overview = Fetched.empty(0, 1800);
    /** Finer points for some of the days, fetched for a zoomed window; null when there are none. */
    private Fetched finer;
    /** Counts shown overviews, so finer points fetched for an earlier one are dropped. */
    private long overviewGeneration;
    private FinerRequest pendingFiner;
    private int threshold = 1600;
    private long viewToken;
    private boolean applying;

    public ConsumptionViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        super(source, runner, session);
        meterFinder = new MeterFinder(source, runner, () -> query == null ? null : query.role(), meters);
        selectedScope.addListener((o, old, option) -> {
            if (!applying && option != null && !option.equals(old)) {
                if (option.kind() == ScopeOption.Kind.ONE_METER && selectedMeter.get() == null && !meters.isEmpty()) {
                    applying = true;
                    selectedMeter.set(meters.get(0));
                    applying = false;
                }
                meterPickerVisible.set(option.kind() == ScopeOption.Kind.ONE_METER);
                loadSeries();
            }
        });
        selectedMeter.addListener((o, old, meter) -> {
            if (!applying && meter != null && !meter.equals(old) && selectedScopeKind() == ScopeOption.Kind.ONE_METER) {
                loadSeries();
            }
        });
        startListening();
    }

    private ScopeOption.Kind selectedScopeKind() {
        return selectedScope.get() == null ? ScopeOption.Kind.ALL_METERS : selectedScope.get().kind();
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        applying = true;
        try {
            scopeOptions.setAll(ScopeOption.ALL);
            selectedScope.set(ScopeOption.ALL);
            meters.clear();
            meterFinder.showFirstPage(List.of());
            selectedMeter.set(null);
        } finally {
            applying = false;
        }
        meterPickerVisible.set(false);
        overview = Fetched.empty(overview.from(), overview.to());
        dropFiner();
        shownQuery = null;
        apply(window(overview, overview.from(), overview.to(), threshold));
        seriesTitle.set("All meters");
        emptyMessage.set(null);
    }

    @Override
    protected void reload(ViewQuery newQuery) {
        this.query = newQuery;
        cancelFinerLoad();
        ScopeOption wantedScope = selectedScope.get();
        MeterChoice wantedMeter = selectedMeter.get();
        int points = threshold;
        load("Loading consumption for " + newQuery.role().displayName(), "load the consumption series",
                progress -> {
                    PurposeRole role = newQuery.role();
                    List<GspGroup> groups = source.gspGroups(role);
                    progress.checkCancelled();
                    List<MeterChoice> choices = role.aggregatesOnly() ? List.of() : firstPage(role, wantedMeter);
                    progress.checkCancelled();
                    List<ScopeOption> options = new ArrayList<>();
                    options.add(ScopeOption.ALL);
                    groups.forEach(g -> options.add(ScopeOption.of(g)));
                    if (!choices.isEmpty()) {
                        options.add(ScopeOption.ONE_METER);
                    }
                    ScopeOption option = options.contains(wantedScope) ? wantedScope : ScopeOption.ALL;
                    MeterChoice meter = null;
                    if (option.kind() == ScopeOption.Kind.ONE_METER) {
                        meter = choices.contains(wantedMeter) ? wantedMeter : choices.get(0);
                    }
                    Loaded loaded = fetch(newQuery, option, meter, points);
                    return new Reloaded(options, choices, option, meter, loaded);
                },
                reloaded -> {
                    applying = true;
                    try {
                        scopeOptions.setAll(reloaded.options());
                        selectedScope.set(reloaded.option());
                        meters.setAll(reloaded.meters());
                        meterFinder.showFirstPage(reloaded.meters());
                        selectedMeter.set(reloaded.meter());
                    } finally {
                        applying = false;
                    }
                    meterPickerVisible.set(reloaded.option().kind() == ScopeOption.Kind.ONE_METER);
                    show(reloaded.loaded());
                });
    }

    /** A page of meters, with the meter shown before kept in it when the role still sees it. */
    private List<MeterChoice> firstPage(PurposeRole role, MeterChoice wanted) {
        List<MeterChoice> page = source.findMeters(role, MeterSearch.all(), MeterSearch.PAGE);
        if (wanted == null || page.contains(wanted)) {
            return page;
        }
        List<MeterChoice> again = source.findMeters(role, new MeterSearch(wanted.key()), 1);
        if (again.isEmpty() || !again.get(0).equals(wanted)) {
            return page;
        }
        List<MeterChoice> withWanted = new ArrayList<>(page);
        withWanted.add(0, wanted);
        return withWanted;
    }

    private void loadSeries() {
        if (query == null) {
            return;
        }
        ViewQuery current = query;
        ScopeOption option = selectedScope.get();
        MeterChoice meter = selectedMeter.get();
        int points = threshold;
        cancelFinerLoad();
        load("Loading consumption for " + scopeOf(option, meter).label(), "load the consumption series",
                progress -> fetch(current, option, meter, points), this::show);
    }

    private Loaded fetch(ViewQuery forQuery, ScopeOption option, MeterChoice meter, int points) {
        SeriesScope scope = scopeOf(option, meter);
        ConsumptionSeries series = ScreenSizedSeries.fetch(source, forQuery.role(), scope, forQuery.range(), points);
        Fetched full = Fetched.of(series, forQuery.range());
        return new Loaded(forQuery, full, window(full, full.from(), full.to(), points), points);
    }

    private static SeriesScope scopeOf(ScopeOption option, MeterChoice meter) {
        if (option == null) {
            return new SeriesScope.AllMeters();
        }
        return switch (option.kind()) {
            case ALL_METERS -> new SeriesScope.AllMeters();
            case GSP_GROUP -> new SeriesScope.OneGspGroup(option.group());
            case ONE_METER -> meter == null ? new SeriesScope.AllMeters() : new SeriesScope.OneMeter(meter.key(), meter.label());
        };
    }

    /**
     * Runs off the UI thread: the points of {@code base} starting in [from, to), their sum, the half-hours they span
     * (the last point of the dates may span fewer), and the line, thinned only when over {@code points}.
     */
    static Window window(Fetched base, long from, long to, int points) {
        HalfHourlySeries visible = base.series().slice(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
        long width = base.resolution().bucketSeconds();
        long halfHours = 0;
        for (int i = 0; i < visible.size(); i++) {
            long start = visible.epochSecondAt(i);
            halfHours += (Math.min(start + width, base.to()) - start) / 1800;
        }
        long coveredFrom = visible.isEmpty() ? from : visible.epochSecondAt(0);
        long coveredTo = visible.isEmpty() ? to : Math.min(visible.epochSecondAt(visible.size() - 1) + width, base.to());
        return new Window(base, Lttb.downsample(visible, points), visible.size(), halfHours, visible.totalKwh(),
                from, to, coveredFrom, coveredTo);
    }

    private void show(Loaded loaded) {
        shownQuery = loaded.query();
        overview = loaded.overview();
        dropFiner();
        viewToken++;
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

    private void apply(Window window) {
        Fetched base = window.base();
        viewFrom.set(window.from());
        viewTo.set(window.to());
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
        zoomed.set(window.to() - window.from() < overview.to() - overview.from());
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the time under {@code anchor} (0..1 of the width) still. */
    public void zoom(double factor, double anchor) {
        long from = (long) viewFrom.get();
        long to = (long) viewTo.get();
        long width = to - from;
        long full = overview.to() - overview.from();
        if (width <= 0 || full <= 0) {
            return;
        }
        double a = Math.max(0, Math.min(1, anchor));
        long newWidth = Math.max(Math.min(MIN_WINDOW_SECONDS, full), Math.min(full, Math.round(width * factor)));
        long anchorTime = from + Math.round(a * width);
        long newFrom = anchorTime - Math.round(a * newWidth);
        moveTo(newFrom, newWidth);
    }

    public void zoomIn() {
        zoom(0.5, 0.5);
    }

    public void zoomOut() {
        zoom(2, 0.5);
    }

    /** Moves the window by {@code fraction} of its width: negative is earlier. */
    public void pan(double fraction) {
        long from = (long) viewFrom.get();
        long width = (long) viewTo.get() - from;
        moveTo(from + Math.round(fraction * width), width);
    }

    public void resetZoom() {
        moveTo(overview.from(), overview.to() - overview.from());
    }

    private void moveTo(long wantedFrom, long width) {
        long from = Math.max(overview.from(), Math.min(wantedFrom, overview.to() - width));
        long to = from + width;
        if (from == (long) viewFrom.get() && to == (long) viewTo.get()) {
            return;
        }
        viewFrom.set(from);
        viewTo.set(to);
        zoomed.set(width < overview.to() - overview.from());
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
        long from = (long) viewFrom.get();
        long to = (long) viewTo.get();
        Fetched base = finer != null && finer.covers(from, to) ? finer : overview;
        if (pendingFiner != null && !pendingFiner.covers(from, to)) {
            // The window left the days on their way: do not keep the engine busy with them.
            cancelFinerLoad();
        }
        int points = threshold;
        long token = ++viewToken;
        runner.task("Downsampling the visible window", progress -> window(base, from, to, points))
                .quiet()
                .onSuccess(window -> {
                    if (token == viewToken) {
                        apply(window);
                        fetchFinerIfCoarse(window, points);
                    }
                })
                .start();
    }

    /**
     * Asks for the window's settlement days again when it holds fewer than half the budget of fetched points and the
     * source could sum them finer. The coarse points stay on screen until the finer ones arrive.
     */
    private void fetchFinerIfCoarse(Window shown, int points) {
        Fetched base = shown.base();
        if (shownQuery == null || overview.series().isEmpty() || base.resolution().halfHourly()
                || 2L * shown.fetchedPoints() >= points) {
            return;
        }
        DateRange days = new DateRange(SettlementCalendar.settlementDate(Instant.ofEpochSecond(shown.from())),
                SettlementCalendar.settlementDate(Instant.ofEpochSecond(shown.to() - 1))).clippedTo(shownQuery.range());
        SeriesResolution wanted = SeriesResolution.forPoints(days, points);
        if (wanted.halfHoursPerPoint() >= base.resolution().halfHoursPerPoint()) {
            return;
        }
        FinerRequest request = new FinerRequest(overviewGeneration, days, wanted);
        if (request.equals(pendingFiner)) {
            return;
        }
        pendingFiner = request;
        PurposeRole role = shownQuery.role();
        SeriesScope scope = overview.answer().scope();
        finerLoad.start(FINER_TITLE,
                progress -> source.consumption(role, scope, days, wanted),
                answer -> {
                    pendingFiner = null;
                    if (request.overviewGeneration() == overviewGeneration) {
                        finer = Fetched.of(answer, days);
                        session.recordProvenance(role, answer.provenance());
                        resample();
                    }
                },
                error -> {
                    pendingFiner = null;
                    session.reportError(UserMessages.describe(error, "load finer consumption for the zoomed window"));
                });
    }

    private void cancelFinerLoad() {
        finerLoad.cancel();
        pendingFiner = null;
    }

    private void dropFiner() {
        cancelFinerLoad();
        finer = null;
        overviewGeneration++;
    }

    /** A series as the source returned it, for the settlement days [from, to) it was asked for (epoch seconds). */
    record Fetched(ConsumptionSeries answer, long from, long to) {

        static Fetched of(ConsumptionSeries answer, DateRange days) {
            return new Fetched(answer, SettlementCalendar.dayStart(days.from()).getEpochSecond(),
                    SettlementCalendar.dayStart(days.to().plusDays(1)).getEpochSecond());
        }

        static Fetched empty(long from, long to) {
            return new Fetched(new ConsumptionSeries(new SeriesScope.AllMeters(), HalfHourlySeries.empty(), null), from, to);
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

    private record FinerRequest(long overviewGeneration, DateRange days, SeriesResolution resolution) {

        boolean covers(long windowFrom, long windowTo) {
            return SettlementCalendar.dayStart(days.from()).getEpochSecond() <= windowFrom
                    && windowTo <= SettlementCalendar.dayStart(days.to().plusDays(1)).getEpochSecond();
        }
    }

    private record Loaded(ViewQuery query, Fetched overview, Window window, int points) {
    }

    private record Reloaded(List<ScopeOption> options, List<MeterChoice> meters, ScopeOption option, MeterChoice meter,
                            Loaded loaded) {
    }

    /**
     * What the chart shows of {@code base} in [from, to): the line, how many fetched points it stands for, the
     * half-hours and kWh those points sum, and the span [coveredFrom, coveredTo) they cover.
     */
    record Window(Fetched base, HalfHourlySeries displayed, int fetchedPoints, long halfHours, double total,
                  long from, long to, long coveredFrom, long coveredTo) {
    }

    public ObservableList<ScopeOption> scopeOptions() {
        return readOnlyScopeOptions;
    }

    public ObjectProperty<ScopeOption> selectedScopeProperty() {
        return selectedScope;
    }

    public ObservableList<MeterChoice> meters() {
        return readOnlyMeters;
    }

    public ObjectProperty<MeterChoice> selectedMeterProperty() {
        return selectedMeter;
    }

    /** What the analyst typed to find a meter; the meters list follows it. */
    public StringProperty meterSearchProperty() {
        return meterFinder.textProperty();
    }

    /** How many meters the list shows and how to narrow it. */
    public ReadOnlyStringProperty meterSearchNoteProperty() {
        return meterFinder.noteProperty();
    }

    public ReadOnlyBooleanProperty meterPickerVisibleProperty() {
        return meterPickerVisible.getReadOnlyProperty();
    }

    /** The fetched points of the visible window; thinned with LTTB only when more than {@link #pointBudget()}. */
    public ReadOnlyObjectProperty<HalfHourlySeries> displayedProperty() {
        return displayed.getReadOnlyProperty();
    }

    /** Visible window start, UTC epoch seconds. */
    public ReadOnlyDoubleProperty viewFromProperty() {
        return viewFrom.getReadOnlyProperty();
    }

    /** Visible window end (exclusive), UTC epoch seconds. */
    public ReadOnlyDoubleProperty viewToProperty() {
        return viewTo.getReadOnlyProperty();
    }

    /**
     * Half-hour periods spanned by the visible points, within the shown dates. For half-hourly points these are the
     * half-hours with a reading; inside a coarser point a half-hour without any reading still counts.
     */
    public ReadOnlyLongProperty visibleHalfHoursProperty() {
        return visibleHalfHours.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty visibleTotalProperty() {
        return visibleTotal.getReadOnlyProperty();
    }

    /** {@link #visibleHalfHoursProperty()} as shown. */
    public ReadOnlyStringProperty visiblePointsProperty() {
        return visiblePoints.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visibleTotalKwhProperty() {
        return visibleTotalKwh.getReadOnlyProperty();
    }

    /** First to last half-hour the visible points span: what the totals are of. */
    public ReadOnlyStringProperty visibleRangeProperty() {
        return visibleRange.getReadOnlyProperty();
    }

    /** How much time each drawn point sums, e.g. "2 h per point", and whether the line was thinned. */
    public ReadOnlyStringProperty resolutionProperty() {
        return resolution.getReadOnlyProperty();
    }

    /** The value axis' unit: kWh per half-hour, or per the points' width. */
    public ReadOnlyStringProperty valueAxisLabelProperty() {
        return valueAxisLabel.getReadOnlyProperty();
    }

    /** True while finer points for a zoomed window are on their way; the coarse line stays meanwhile. */
    public ReadOnlyBooleanProperty loadingFinerProperty() {
        return finerLoad.loadingProperty();
    }

    public ReadOnlyStringProperty seriesTitleProperty() {
        return seriesTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceProperty() {
        return provenance.getReadOnlyProperty();
    }

    /** Null when there is something to draw. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty zoomedProperty() {
        return zoomed.getReadOnlyProperty();
    }
}
