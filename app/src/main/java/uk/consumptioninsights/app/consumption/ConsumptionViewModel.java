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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.series.Lttb;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * A half-hourly aggregate over the shell's dates for a chosen scope. Keeps the raw series; the chart only ever gets
 * an LTTB reduction of the visible window to about twice the plot width, recomputed off the UI thread on every
 * zoom or pan. Totals are always of the visible raw series, never of the reduction.
 */
public final class ConsumptionViewModel extends FeatureViewModel {

    /** The narrowest window zoom allows: eight half-hours. */
    static final long MIN_WINDOW_SECONDS = 8 * 1800;
    static final int MIN_POINTS = 200;

    private final ObservableList<ScopeOption> scopeOptions = FXCollections.observableArrayList(ScopeOption.ALL);
    private final ObservableList<ScopeOption> readOnlyScopeOptions = FXCollections.unmodifiableObservableList(scopeOptions);
    private final ObjectProperty<ScopeOption> selectedScope = new SimpleObjectProperty<>(this, "selectedScope", ScopeOption.ALL);
    private final ObservableList<MeterChoice> meters = FXCollections.observableArrayList();
    private final ObservableList<MeterChoice> readOnlyMeters = FXCollections.unmodifiableObservableList(meters);
    private final ObjectProperty<MeterChoice> selectedMeter = new SimpleObjectProperty<>(this, "selectedMeter");
    private final ReadOnlyBooleanWrapper meterPickerVisible = new ReadOnlyBooleanWrapper(this, "meterPickerVisible", false);
    private final ReadOnlyObjectWrapper<HalfHourlySeries> displayed =
            new ReadOnlyObjectWrapper<>(this, "displayed", HalfHourlySeries.empty());
    private final ReadOnlyDoubleWrapper viewFrom = new ReadOnlyDoubleWrapper(this, "viewFrom", 0);
    private final ReadOnlyDoubleWrapper viewTo = new ReadOnlyDoubleWrapper(this, "viewTo", 1800);
    private final ReadOnlyLongWrapper visiblePointCount = new ReadOnlyLongWrapper(this, "visiblePointCount");
    private final ReadOnlyDoubleWrapper visibleTotal = new ReadOnlyDoubleWrapper(this, "visibleTotal");
    private final ReadOnlyStringWrapper visiblePoints = new ReadOnlyStringWrapper(this, "visiblePoints", Formats.NONE);
    private final ReadOnlyStringWrapper visibleTotalKwh = new ReadOnlyStringWrapper(this, "visibleTotalKwh", Formats.NONE);
    private final ReadOnlyStringWrapper visibleRange = new ReadOnlyStringWrapper(this, "visibleRange", "");
    private final ReadOnlyStringWrapper seriesTitle = new ReadOnlyStringWrapper(this, "seriesTitle", "All meters");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper(this, "zoomed", false);

    private ViewQuery query;
    private HalfHourlySeries raw = HalfHourlySeries.empty();
    private long fullFrom;
    private long fullTo = 1800;
    private int threshold = 1600;
    private long viewToken;
    private boolean applying;

    public ConsumptionViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        super(source, runner, session);
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
            selectedMeter.set(null);
        } finally {
            applying = false;
        }
        meterPickerVisible.set(false);
        raw = HalfHourlySeries.empty();
        apply(new Window(HalfHourlySeries.empty(), 0, 0, fullFrom, fullTo));
        seriesTitle.set("All meters");
        provenance.set("");
        emptyMessage.set(null);
    }

    @Override
    protected void reload(ViewQuery newQuery) {
        this.query = newQuery;
        ScopeOption wantedScope = selectedScope.get();
        MeterChoice wantedMeter = selectedMeter.get();
        int points = threshold;
        load("Loading consumption for " + newQuery.role().displayName(), "load the consumption series",
                progress -> {
                    PurposeRole role = newQuery.role();
                    List<GspGroup> groups = source.gspGroups(role);
                    progress.checkCancelled();
                    List<MeterChoice> choices = role.aggregatesOnly() ? List.of() : source.meters(role);
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
                        selectedMeter.set(reloaded.meter());
                    } finally {
                        applying = false;
                    }
                    meterPickerVisible.set(reloaded.option().kind() == ScopeOption.Kind.ONE_METER);
                    show(reloaded.loaded());
                });
    }

    private void loadSeries() {
        if (query == null) {
            return;
        }
        ViewQuery current = query;
        ScopeOption option = selectedScope.get();
        MeterChoice meter = selectedMeter.get();
        int points = threshold;
        load("Loading consumption for " + scopeOf(option, meter).label(), "load the consumption series",
                progress -> fetch(current, option, meter, points), this::show);
    }

    private Loaded fetch(ViewQuery forQuery, ScopeOption option, MeterChoice meter, int points) {
        SeriesScope scope = scopeOf(option, meter);
        ConsumptionSeries series = source.consumption(forQuery.role(), scope, forQuery.range());
        long from = SettlementCalendar.dayStart(forQuery.range().from()).getEpochSecond();
        long to = SettlementCalendar.dayStart(forQuery.range().to().plusDays(1)).getEpochSecond();
        return new Loaded(forQuery, series, window(series.series(), from, to, points));
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

    /** Runs off the UI thread: slices the raw series to the window, totals it, and reduces it with LTTB. */
    static Window window(HalfHourlySeries series, long from, long to, int points) {
        HalfHourlySeries visible = series.slice(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
        return new Window(Lttb.downsample(visible, points), visible.size(), visible.totalKwh(), from, to);
    }

    private void show(Loaded loaded) {
        raw = loaded.series().series();
        fullFrom = loaded.window().from();
        fullTo = loaded.window().to();
        viewToken++;
        apply(loaded.window());
        DateRange range = loaded.query().range();
        PurposeRole role = loaded.query().role();
        seriesTitle.set(loaded.series().scope().label() + " · " + role.displayName());
        provenance.set(loaded.series().provenance() == null ? "" : Formats.provenance(loaded.series().provenance()));
        if (raw.isEmpty()) {
            emptyMessage.set("No consumption is visible to " + role.displayName() + " for " + Formats.range(range) + "."
                    + (role.aggregatesOnly() ? " " + role.displayName() + " sees only GSP groups with at least "
                    + role.minimumGroupSize() + " meters." : ""));
        } else {
            emptyMessage.set(null);
        }
        session.recordProvenance(role, loaded.series().provenance());
    }

    private void apply(Window window) {
        viewFrom.set(window.from());
        viewTo.set(window.to());
        displayed.set(window.displayed());
        visiblePointCount.set(window.points());
        visibleTotal.set(window.total());
        visiblePoints.set(Formats.count(window.points()));
        visibleTotalKwh.set(Formats.kwh(window.total()));
        visibleRange.set(window.to() > window.from()
                ? Formats.shortPeriod(Instant.ofEpochSecond(window.from())) + " – "
                + Formats.shortPeriod(Instant.ofEpochSecond(window.to() - 1))
                : "");
        zoomed.set(window.to() - window.from() < fullTo - fullFrom);
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the time under {@code anchor} (0..1 of the width) still. */
    public void zoom(double factor, double anchor) {
        long from = (long) viewFrom.get();
        long to = (long) viewTo.get();
        long width = to - from;
        long full = fullTo - fullFrom;
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
        moveTo(fullFrom, fullTo - fullFrom);
    }

    private void moveTo(long wantedFrom, long width) {
        long from = Math.max(fullFrom, Math.min(wantedFrom, fullTo - width));
        long to = from + width;
        if (from == (long) viewFrom.get() && to == (long) viewTo.get()) {
            return;
        }
        viewFrom.set(from);
        viewTo.set(to);
        zoomed.set(width < fullTo - fullFrom);
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
        HalfHourlySeries series = raw;
        long from = (long) viewFrom.get();
        long to = (long) viewTo.get();
        int points = threshold;
        long token = ++viewToken;
        runner.task("Downsampling the visible window", progress -> window(series, from, to, points))
                .quiet()
                .onSuccess(window -> {
                    if (token == viewToken && series == raw) {
                        apply(window);
                    }
                })
                .start();
    }

    private record Loaded(ViewQuery query, ConsumptionSeries series, Window window) {
    }

    private record Reloaded(List<ScopeOption> options, List<MeterChoice> meters, ScopeOption option, MeterChoice meter,
                            Loaded loaded) {
    }

    /** What the chart shows: the reduced points and the totals of the raw points in [from, to). */
    record Window(HalfHourlySeries displayed, long points, double total, long from, long to) {
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

    public ReadOnlyBooleanProperty meterPickerVisibleProperty() {
        return meterPickerVisible.getReadOnlyProperty();
    }

    /** The LTTB reduction of the visible window, at most {@link #pointBudget()} points. */
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

    public ReadOnlyLongProperty visiblePointCountProperty() {
        return visiblePointCount.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty visibleTotalProperty() {
        return visibleTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visiblePointsProperty() {
        return visiblePoints.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visibleTotalKwhProperty() {
        return visibleTotalKwh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty visibleRangeProperty() {
        return visibleRange.getReadOnlyProperty();
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
