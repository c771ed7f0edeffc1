package uk.consumptioninsights.app.anomalies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.MeterIdentity;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.series.Lttb;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * The Anomalies tab: detected anomalies as the role may see them (one row per detection, or counts for aggregate-only
 * roles), filtered, sorted and paged; chart markers for the page on screen; an alert feed of high-severity anomalies;
 * the chosen anomaly's detail; and the source's detections beside local rescoring's. Shows only what the source's
 * detection views return; injected evaluation labels are never read, so never shown.
 */
public final class AnomaliesViewModel extends FeatureViewModel {

    public static final String EMPTY_MESSAGE =
            "No anomalies detected in this workspace yet. Use Rescore locally (Ctrl+R) to run the detectors on this data.";
    public static final String RESCORE_TITLE = RescoreAction.TITLE;
    public static final String RESCORE_CANCELLED = RescoreAction.CANCELLED;
    public static final int PAGE_SIZE = 50;
    static final int ALERT_LIMIT = 30;
    /**
     * Points of the consumption line behind the markers, about two per pixel of a wide window: the source sums the
     * half-hours into points this many or fewer, so a remote warehouse ships the line, not every reading.
     */
    static final int BACKDROP_POINTS = 2_400;

    public enum Mode { DETECTIONS, COUNTS }

    private final PagedRows<DetectionItem> detections = new PagedRows<>(PAGE_SIZE);
    private final PagedRows<CountItem> counts = new PagedRows<>(PAGE_SIZE);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.DETECTIONS);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper meterColumnTitle = new ReadOnlyStringWrapper(this, "meterColumnTitle", "MPAN");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper(this, "emptyDetail", "");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");
    private final ReadOnlyStringWrapper pageLabel = new ReadOnlyStringWrapper(this, "pageLabel", "");
    private final ReadOnlyBooleanWrapper hasPreviousPage = new ReadOnlyBooleanWrapper(this, "hasPreviousPage", false);
    private final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper(this, "hasNextPage", false);

    private final ObjectProperty<AnomalyType> typeFilter = new SimpleObjectProperty<>(this, "typeFilter");
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severityFilter");
    private final ObjectProperty<String> gspFilter = new SimpleObjectProperty<>(this, "gspFilter");
    private final ObjectProperty<LocalDate> dayFilter = new SimpleObjectProperty<>(this, "dayFilter");
    private final ObjectProperty<AnomalyOrigin> originFilter = new SimpleObjectProperty<>(this, "originFilter");
    private final ObservableList<String> gspOptions = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyGspOptions = FXCollections.unmodifiableObservableList(gspOptions);
    private final ObservableList<LocalDate> dayOptions = FXCollections.observableArrayList();
    private final ObservableList<LocalDate> readOnlyDayOptions = FXCollections.unmodifiableObservableList(dayOptions);
    private final ReadOnlyObjectWrapper<AnomalyFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", AnomalyFilter.ANY);

    private final ReadOnlyObjectWrapper<HalfHourlySeries> backdrop =
            new ReadOnlyObjectWrapper<>(this, "backdrop", HalfHourlySeries.empty());
    private final ReadOnlyObjectWrapper<SeriesResolution> backdropResolution =
            new ReadOnlyObjectWrapper<>(this, "backdropResolution", SeriesResolution.HALF_HOURLY);
    private final ReadOnlyStringWrapper backdropTitle = new ReadOnlyStringWrapper(this, "backdropTitle", "");
    private final ObservableList<AnomalyMarker> markers = FXCollections.observableArrayList();
    private final ObservableList<AnomalyMarker> readOnlyMarkers = FXCollections.unmodifiableObservableList(markers);
    private final ObservableList<AlertItem> alerts = FXCollections.observableArrayList();
    private final ObservableList<AlertItem> readOnlyAlerts = FXCollections.unmodifiableObservableList(alerts);
    private final ReadOnlyObjectWrapper<SourceLocalComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison",
            SourceLocalComparison.ofDetections(List.of()));
    private final ObjectProperty<AnomalyItem> selected = new SimpleObjectProperty<>(this, "selected");

    private final AnomalyDetail detail;
    private final RescoreAction rescore;
    private HalfHourlySeries backdropFull = HalfHourlySeries.empty();
    private PurposeRole shownRole;

    /** A tab without local rescoring, e.g. for tests of the listing alone. */
    public AnomaliesViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        this(source, runner, session, LocalRescoring.NONE);
    }

    /** @param rescoring finds the local workspace behind the active source, if any, for "Rescore locally" */
    public AnomaliesViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session,
                              LocalRescoring rescoring) {
        super(source, runner, session);
        this.detail = new AnomalyDetail(source, runner);
        this.rescore = new RescoreAction(rescoring, runner, session, this::refresh);
        meterColumnTitle.set(meterColumnTitleFor(session.role()));
        mode.set(session.role().aggregatesOnly() ? Mode.COUNTS : Mode.DETECTIONS);
        for (ObjectProperty<?> component : List.of(typeFilter, severityFilter, gspFilter, dayFilter, originFilter)) {
            component.addListener((o, old, value) -> applyFilter());
        }
        detections.pageIndexProperty().addListener((o, old, index) -> afterPaging());
        counts.pageIndexProperty().addListener((o, old, index) -> afterPaging());
        selected.addListener((o, old, item) -> detail.show(item, shownRole == null ? session.role() : shownRole));
        startListening();
    }

    static String meterColumnTitleFor(PurposeRole role) {
        return role.meterIdentity() == MeterIdentity.RAW_MPAN ? "MPAN" : "Meter pseudonym";
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        shownRole = newRole;
        selected.set(null);
        detections.setAll(List.of());
        counts.setAll(List.of());
        markers.clear();
        alerts.clear();
        gspOptions.clear();
        dayOptions.clear();
        comparison.set(SourceLocalComparison.ofDetections(List.of()));
        backdropFull = HalfHourlySeries.empty();
        backdrop.set(HalfHourlySeries.empty());
        backdropResolution.set(SeriesResolution.HALF_HOURLY);
        backdropTitle.set("");
        empty.set(true);
        loaded.set(false);
        mode.set(newRole.aggregatesOnly() ? Mode.COUNTS : Mode.DETECTIONS);
        meterColumnTitle.set(meterColumnTitleFor(newRole));
        summary.set("");
        provenance.set("");
        pageLabel.set("");
        rescore.forget();
    }

    /** The listing and the consumption line behind the markers, read in one background task. */
    private record Loaded(AnomalyListing listing, ConsumptionSeries backdrop) {
    }

    @Override
    protected void reload(ViewQuery query) {
        rescore.checkAvailable();
        load("Loading anomalies for " + query.role().displayName(), "load the anomalies",
                progress -> {
                    AnomalyListing listing = source.anomalies(query.role(), query.range());
                    progress.checkCancelled();
                    return new Loaded(listing, ScreenSizedSeries.fetch(source, query.role(), new SeriesScope.AllMeters(),
                            query.range(), BACKDROP_POINTS));
                },
                answer -> show(query, answer));
    }

    private void show(ViewQuery query, Loaded answer) {
        AnomalyListing listing = answer.listing();
        AnomalyItem previouslySelected = selected.get();
        backdropFull = answer.backdrop().series();
        // Set before the line, so whoever redraws on a new line already sees its points' width.
        backdropResolution.set(answer.backdrop().resolution());
        // Thinning is only a safeguard, for a source that answered half-hourly.
        backdrop.set(Lttb.downsample(backdropFull, BACKDROP_POINTS));
        backdropTitle.set(answer.backdrop().scope().label() + " · "
                + ScreenSizedSeries.valueUnit(answer.backdrop().resolution()));
        if (listing instanceof AnomalyListing.Detections d) {
            mode.set(Mode.DETECTIONS);
            counts.setAll(List.of());
            SourceLocalComparison compared = SourceLocalComparison.ofDetections(d.rows());
            comparison.set(compared);
            detections.setAll(d.rows().stream().map(row -> item(row, compared)).toList());
            summary.set(d.rows().isEmpty() ? "No detections" : Formats.count(d.rows().size())
                    + (d.rows().size() == 1 ? " detection" : " detections"));
            alerts.setAll(detectionAlerts(detections.all()));
        } else if (listing instanceof AnomalyListing.Counts c) {
            mode.set(Mode.COUNTS);
            detections.setAll(List.of());
            SourceLocalComparison compared = SourceLocalComparison.ofCounts(c.counts());
            comparison.set(compared);
            counts.setAll(c.counts().stream().map(AnomaliesViewModel::item).toList());
            long total = c.counts().stream().mapToLong(AnomalyCount::count).sum();
            summary.set(c.counts().isEmpty() ? "No anomalies counted" : Formats.count(total) + " anomalies in "
                    + Formats.count(c.counts().size()) + " group-days");
            alerts.setAll(countAlerts(counts.all()));
        }
        refreshFilterOptions();
        applyFilter();
        reselect(previouslySelected);
        empty.set(listing.isEmpty());
        loaded.set(true);
        meterColumnTitle.set(meterColumnTitleFor(query.role()));
        String relation = listing.provenance() == null ? "the role's anomaly view" : listing.provenance().relation();
        emptyDetail.set("Searched " + relation + " for " + Formats.range(query.range()) + " as "
                + query.role().displayName() + ".");
        provenance.set(listing.provenance() == null ? "" : Formats.provenance(listing.provenance()));
        session.recordProvenance(query.role(), listing.provenance());
    }

    /** After a reload the same anomaly stays chosen when it is still listed; otherwise nothing is. */
    private void reselect(AnomalyItem previous) {
        AnomalyItem again = null;
        if (previous instanceof DetectionItem d) {
            again = detections.all().stream().filter(i -> i.row().anomalyId().equals(d.row().anomalyId())
                    && i.origin() == d.origin()).findFirst().orElse(null);
        } else if (previous instanceof CountItem c) {
            again = counts.all().stream().filter(i -> i.row().equals(c.row())).findFirst().orElse(null);
        }
        selected.set(again);
    }

    private void refreshFilterOptions() {
        List<? extends AnomalyItem> rows = mode.get() == Mode.DETECTIONS ? detections.all() : counts.all();
        Set<String> groups = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>(Comparator.reverseOrder());
        for (AnomalyItem row : rows) {
            groups.add(row.gspCode());
            days.add(row.settlementDay());
        }
        // Keep a chosen value that is no longer present, so the filter shown is the filter applied.
        if (gspFilter.get() != null) {
            groups.add(gspFilter.get());
        }
        if (dayFilter.get() != null) {
            days.add(dayFilter.get());
        }
        gspOptions.setAll(groups);
        dayOptions.setAll(days);
    }

    private void applyFilter() {
        AnomalyFilter next = new AnomalyFilter(typeFilter.get(), severityFilter.get(), gspFilter.get(), dayFilter.get(),
                originFilter.get());
        filter.set(next);
        detections.setFilter(next);
        counts.setFilter(next);
        afterPaging();
    }

    /** Clears every filter: the whole listing again. */
    public void clearFilters() {
        typeFilter.set(null);
        severityFilter.set(null);
        gspFilter.set(null);
        dayFilter.set(null);
        originFilter.set(null);
    }

    /** Sorts every row that passes the filter (not just the page) by a column; back to page one. */
    public void sort(SortColumn column, boolean ascending) {
        if (column == null) {
            detections.sort(null);
            counts.sort(null);
        } else {
            detections.sort(column.sortsDetections() ? column.detections(ascending) : null);
            counts.sort(column.sortsCounts() ? column.counts(ascending) : null);
        }
        afterPaging();
    }

    public void nextPage() {
        pages().nextPage();
    }

    public void previousPage() {
        pages().previousPage();
    }

    private PagedRows<? extends AnomalyItem> pages() {
        return mode.get() == Mode.DETECTIONS ? detections : counts;
    }

    /** Page label, paging buttons and the markers follow the page on screen. */
    private void afterPaging() {
        PagedRows<? extends AnomalyItem> rows = pages();
        int matching = rows.matchingProperty().get();
        int index = rows.pageIndexProperty().get();
        int from = index * rows.pageSize();
        int shown = rows.page().size();
        int all = rows.all().size();
        pageLabel.set(matching == 0
                ? (all == 0 ? "" : "No rows match the filters (of " + Formats.count(all) + ")")
                : "Rows " + Formats.count(from + 1) + "–" + Formats.count(from + shown) + " of " + Formats.count(matching)
                + (matching < all ? " matching (of " + Formats.count(all) + ")" : ""));
        hasPreviousPage.set(index > 0);
        hasNextPage.set(index < rows.pageCountProperty().get() - 1);
        List<AnomalyMarker> next = new ArrayList<>(shown);
        for (AnomalyItem item : rows.page()) {
            long at = item.markerTime().getEpochSecond();
            next.add(new AnomalyMarker(at, kwhAt(at), item, markerTooltip(item)));
        }
        markers.setAll(next);
    }

    /**
     * The line's value at {@code epochSecond}: the last point starting at or before it, which is the point whose span
     * holds it unless the line has a gap there; 0 before the line. Markers keep the anomaly's own instant as their x,
     * so they land at the right time whatever the points' width; only their height comes from here.
     */
    private double kwhAt(long epochSecond) {
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

    private static String markerTooltip(AnomalyItem item) {
        if (item instanceof DetectionItem d) {
            return d.type() + " · " + d.severity() + "\n" + d.meter() + " · " + d.gspGroup() + "\n" + d.interval();
        }
        CountItem c = (CountItem) item;
        return c.count() + " × " + c.type() + " · " + c.severity() + "\n" + c.gspGroup() + " · " + c.day();
    }

    /**
     * Shows {@code item}'s row and chooses it: for the alert feed and chart markers. Clears the filters when they hide
     * it, because a chosen row must be on screen.
     */
    public void reveal(AnomalyItem item) {
        boolean visible = item instanceof DetectionItem d ? detections.reveal(d) : counts.reveal((CountItem) item);
        if (!visible) {
            clearFilters();
            if (item instanceof DetectionItem d) {
                detections.reveal(d);
            } else {
                counts.reveal((CountItem) item);
            }
        }
        selected.set(item);
    }

    private static List<AlertItem> detectionAlerts(List<DetectionItem> rows) {
        return rows.stream()
                .filter(d -> d.anomalySeverity() == Severity.HIGH)
                .sorted(Comparator.comparing((DetectionItem d) -> d.row().end()).reversed()
                        .thenComparing(d -> d.row().anomalyId()))
                .limit(ALERT_LIMIT)
                .map(d -> new AlertItem(d.type() + " · " + d.gspCode() + " · " + d.interval(),
                        d.meter() + ": " + d.row().reason(), d))
                .toList();
    }

    private static List<AlertItem> countAlerts(List<CountItem> rows) {
        return rows.stream()
                .filter(c -> c.anomalySeverity() == Severity.HIGH)
                .sorted(Comparator.comparing(CountItem::settlementDay).reversed().thenComparing(CountItem::gspCode))
                .limit(ALERT_LIMIT)
                .map(c -> new AlertItem(c.type() + " · " + c.gspCode() + " · " + c.day(),
                        c.count() + " flagged in " + c.gspGroup(), c))
                .toList();
    }

    static DetectionItem item(AnomalyRow row, SourceLocalComparison comparison) {
        String expectedVsActual = (row.expectedKwh() == null ? Formats.NONE : Formats.decimal(row.expectedKwh(), 2))
                + " → " + (row.actualKwh() == null ? Formats.NONE : Formats.decimal(row.actualKwh(), 2)) + " kWh";
        return new DetectionItem(row, row.meterLabel(), gspLabel(row.gspGroup()), row.type().label(),
                row.severity().displayName(),
                row.learnedScore() == null ? Formats.NONE : Formats.decimal(row.learnedScore(), 2),
                Formats.decimal(row.score(), 2), interval(row.start(), row.end()), expectedVsActual,
                SourceLocalComparison.foundBy(row.origin(), comparison.confirmed().contains(row), comparison.comparable()),
                row.reason());
    }

    static CountItem item(AnomalyCount count) {
        return new CountItem(count, Formats.day(count.day()), gspLabel(count.gspGroup()), count.type().label(),
                count.severity().displayName(), count.origin().displayName(), Formats.count(count.count()));
    }

    static String gspLabel(String code) {
        try {
            GspGroup group = GspGroup.fromCode(code);
            return group.code() + " · " + group.region();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** "20 Nov SP12 → SP14", or across days "20 Nov SP47 → 21 Nov SP2"; the end is exclusive. */
    static String interval(Instant start, Instant end) {
        if (start == null) {
            return Formats.NONE;
        }
        SettlementPeriod first = SettlementCalendar.periodOf(start);
        if (end == null || !end.isAfter(start)) {
            return Formats.shortPeriod(start);
        }
        Instant lastStart = end.minusSeconds(1);
        SettlementPeriod last = SettlementCalendar.periodOf(lastStart);
        if (last.equals(first)) {
            return Formats.shortPeriod(start);
        }
        return Formats.shortPeriod(start) + " → "
                + (last.settlementDate().equals(first.settlementDate()) ? "SP" + last.period() : Formats.shortPeriod(lastStart));
    }

    /** "Rescore locally" (Ctrl+R); does nothing while disabled. */
    public void rescore() {
        rescore.start();
    }

    /** Stops a running rescoring; nothing is written once it stops. */
    public void cancelRescore() {
        rescore.cancel();
    }

    /** The detections on the page shown. */
    public ObservableList<DetectionItem> detections() {
        return detections.page();
    }

    /** Every detection that passes the filters, sorted: all pages. */
    public List<DetectionItem> matchingDetections() {
        return detections.matchingRows();
    }

    /** The counts on the page shown. */
    public ObservableList<CountItem> counts() {
        return counts.page();
    }

    public List<CountItem> matchingCounts() {
        return counts.matchingRows();
    }

    /** Rows passing the filters, on all pages. */
    public int matchingCount() {
        return pages().matchingProperty().get();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** True when the last load found nothing (and before the first load). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** True once a listing arrived for the current role. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public String emptyMessage() {
        return EMPTY_MESSAGE;
    }

    public ReadOnlyStringProperty emptyDetailProperty() {
        return emptyDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meterColumnTitleProperty() {
        return meterColumnTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceProperty() {
        return provenance.getReadOnlyProperty();
    }

    /** "Rows 51–100 of 606". */
    public ReadOnlyStringProperty pageLabelProperty() {
        return pageLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousPageProperty() {
        return hasPreviousPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return hasNextPage.getReadOnlyProperty();
    }

    /** Filter by type; null for every type. The view binds its picker to it. */
    public ObjectProperty<AnomalyType> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    /** A GSP group code, e.g. {@code _A}; null for every group. */
    public ObjectProperty<String> gspFilterProperty() {
        return gspFilter;
    }

    /** A settlement day; null for every day of the range. */
    public ObjectProperty<LocalDate> dayFilterProperty() {
        return dayFilter;
    }

    public ObjectProperty<AnomalyOrigin> originFilterProperty() {
        return originFilter;
    }

    /** The GSP groups present in the listing, for the filter picker. */
    public ObservableList<String> gspOptions() {
        return readOnlyGspOptions;
    }

    /** The settlement days present in the listing, newest first. */
    public ObservableList<LocalDate> dayOptions() {
        return readOnlyDayOptions;
    }

    public ReadOnlyObjectProperty<AnomalyFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** The consumption line behind the markers, thinned for drawing. */
    public ReadOnlyObjectProperty<HalfHourlySeries> backdropProperty() {
        return backdrop.getReadOnlyProperty();
    }

    /** How many half-hours each backdrop point sums: its last point ends this much after it starts. */
    public ReadOnlyObjectProperty<SeriesResolution> backdropResolutionProperty() {
        return backdropResolution.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backdropTitleProperty() {
        return backdropTitle.getReadOnlyProperty();
    }

    /** One marker per row of the page on screen. */
    public ObservableList<AnomalyMarker> markers() {
        return readOnlyMarkers;
    }

    /** High-severity anomalies, newest first, whatever the filters. */
    public ObservableList<AlertItem> alerts() {
        return readOnlyAlerts;
    }

    public ReadOnlyObjectProperty<SourceLocalComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The chosen anomaly; the table, markers and alert feed set it, the detail pane follows it. */
    public ObjectProperty<AnomalyItem> selectedProperty() {
        return selected;
    }

    public AnomalyDetail detail() {
        return detail;
    }

    /** True while the active source is a local workspace that can be rescored. */
    public ReadOnlyBooleanProperty rescoreAvailableProperty() {
        return rescore.availableProperty();
    }

    /** True while a rescoring of this tab runs. */
    public ReadOnlyBooleanProperty rescoringProperty() {
        return rescore.runningProperty();
    }

    /** "Rescore locally" is disabled: no local workspace, or something (this rescoring included) is running. */
    public BooleanBinding rescoreDisabledProperty() {
        return rescore.disabledProperty();
    }

    public boolean isRescoreDisabled() {
        return rescore.disabledProperty().get();
    }

    /** The last rescoring's one-line summary, or why it stopped; empty before the first. */
    public ReadOnlyStringProperty rescoreMessageProperty() {
        return rescore.messageProperty();
    }

    /** True when {@link #rescoreMessageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty rescoreFailedProperty() {
        return rescore.failedProperty();
    }
}
