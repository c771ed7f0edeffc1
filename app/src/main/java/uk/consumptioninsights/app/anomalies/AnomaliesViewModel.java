package uk.consumptioninsights.app.anomalies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.ScreenSizedSeries;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.series.HalfHourlySeries;

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

    private final MarkerBackdrop backdrop = new MarkerBackdrop();
    private final AnomalyTable table = new AnomalyTable(backdrop);
    private final AnomalyFilters filters = new AnomalyFilters(this::applyFilter);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ObjectProperty<AnomalyItem> selected = new SimpleObjectProperty<>(this, "selected");

    private final AnomalyDetail detail;
    private final RescoreAction rescore;
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
        table.clear(session.role());
        selected.addListener((o, old, item) -> detail.show(item, shownRole == null ? session.role() : shownRole));
        startListening();
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        shownRole = newRole;
        selected.set(null);
        table.clear(newRole);
        filters.clearOptions();
        backdrop.clear();
        empty.set(true);
        loaded.set(false);
        rescore.forget();
    }

    /** The listing and the consumption line behind the markers, read in one background task. */
    private record Loaded(AnomalyListing listing, ConsumptionSeries backdrop, ChampionCheck champion) {
    }

    @Override
    protected void reload(ViewQuery query) {
        rescore.checkAvailable();
        load("Loading anomalies for " + query.role().displayName(), "load the anomalies",
                progress -> {
                    AnomalyListing listing = source.anomalies(query.role(), query.range());
                    progress.checkCancelled();
                    return new Loaded(listing, ScreenSizedSeries.fetch(source, query.role(), new SeriesScope.AllMeters(),
                            query.range(), BACKDROP_POINTS), source.champion(query.role(), query.range()));
                },
                answer -> show(query, answer));
    }

    private void show(ViewQuery query, Loaded answer) {
        AnomalyListing listing = answer.listing();
        AnomalyItem previouslySelected = selected.get();
        backdrop.show(answer.backdrop());
        detail.championScores(ChampionLines.scores(answer.champion()));
        table.show(listing);
        filters.offerOptionsOf(table.all());
        applyFilter();
        // After a reload the same anomaly stays chosen when it is still listed; otherwise nothing is.
        selected.set(table.find(previouslySelected));
        empty.set(listing.isEmpty());
        loaded.set(true);
        table.describe(query, listing, ChampionLines.provenance(answer.champion()));
        session.recordProvenance(query.role(), listing.provenance());
    }

    private void applyFilter() {
        table.setFilter(filters.current());
    }

    /** Clears every filter: the whole listing again. */
    public void clearFilters() {
        filters.clear();
    }

    /** Sorts every row that passes the filter (not just the page) by a column; back to page one. */
    public void sort(SortColumn column, boolean ascending) {
        table.sort(column, ascending);
    }

    public void nextPage() {
        table.pages().nextPage();
    }

    public void previousPage() {
        table.pages().previousPage();
    }

    /**
     * Shows {@code item}'s row and chooses it: for the alert feed and chart markers. Clears the filters when they hide
     * it, because a chosen row must be on screen.
     */
    public void reveal(AnomalyItem item) {
        if (!table.reveal(item)) {
            clearFilters();
            table.reveal(item);
        }
        selected.set(item);
    }

    /** "20 Nov SP12 → SP14", or across days "20 Nov SP47 → 21 Nov SP2"; the end is exclusive. */
    static String interval(Instant start, Instant end) {
        return AnomalyRowFormat.interval(start, end);
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
        return table.detections.page();
    }

    /** Every detection that passes the filters, sorted: all pages. */
    public List<DetectionItem> matchingDetections() {
        return table.detections.matchingRows();
    }

    /** The counts on the page shown. */
    public ObservableList<CountItem> counts() {
        return table.counts.page();
    }

    public List<CountItem> matchingCounts() {
        return table.counts.matchingRows();
    }

    /** Rows passing the filters, on all pages. */
    public int matchingCount() {
        return table.pages().matchingProperty().get();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return table.mode.getReadOnlyProperty();
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
        return table.emptyDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meterColumnTitleProperty() {
        return table.meterColumnTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return table.summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceProperty() {
        return table.provenance.getReadOnlyProperty();
    }

    /** "Rows 51–100 of 606". */
    public ReadOnlyStringProperty pageLabelProperty() {
        return table.pageLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousPageProperty() {
        return table.hasPreviousPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return table.hasNextPage.getReadOnlyProperty();
    }

    /** Filter by type; null for every type. The view binds its picker to it. */
    public ObjectProperty<AnomalyType> typeFilterProperty() {
        return filters.typeFilter;
    }

    public ObjectProperty<Severity> severityFilterProperty() {
        return filters.severityFilter;
    }

    /** A GSP group code, e.g. {@code _A}; null for every group. */
    public ObjectProperty<String> gspFilterProperty() {
        return filters.gspFilter;
    }

    /** A settlement day; null for every day of the range. */
    public ObjectProperty<LocalDate> dayFilterProperty() {
        return filters.dayFilter;
    }

    public ObjectProperty<AnomalyOrigin> originFilterProperty() {
        return filters.originFilter;
    }

    /** The GSP groups present in the listing, for the filter picker. */
    public ObservableList<String> gspOptions() {
        return filters.readOnlyGspOptions;
    }

    /** The settlement days present in the listing, newest first. */
    public ObservableList<LocalDate> dayOptions() {
        return filters.readOnlyDayOptions;
    }

    public ReadOnlyObjectProperty<AnomalyFilter> filterProperty() {
        return filters.filter.getReadOnlyProperty();
    }

    /** The consumption line behind the markers, thinned for drawing. */
    public ReadOnlyObjectProperty<HalfHourlySeries> backdropProperty() {
        return backdrop.backdrop.getReadOnlyProperty();
    }

    /** How many half-hours each backdrop point sums: its last point ends this much after it starts. */
    public ReadOnlyObjectProperty<SeriesResolution> backdropResolutionProperty() {
        return backdrop.backdropResolution.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backdropTitleProperty() {
        return backdrop.backdropTitle.getReadOnlyProperty();
    }

    /** One marker per row of the page on screen. */
    public ObservableList<AnomalyMarker> markers() {
        return table.readOnlyMarkers;
    }

    /** High-severity anomalies, newest first, whatever the filters. */
    public ObservableList<AlertItem> alerts() {
        return table.readOnlyAlerts;
    }

    public ReadOnlyObjectProperty<SourceLocalComparison> comparisonProperty() {
        return table.comparison.getReadOnlyProperty();
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
