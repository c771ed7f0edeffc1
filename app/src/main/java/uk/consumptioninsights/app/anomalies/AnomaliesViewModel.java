package uk.consumptioninsights.app.anomalies;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.StringJoiner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.FeatureViewModel;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.model.access.MeterIdentity;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * Detected anomalies as the role may see them: one row per detection, or counts for aggregate-only roles. Shows only
 * what the source's detection views return; injected evaluation labels are never read, so never shown.
 */
public final class AnomaliesViewModel extends FeatureViewModel {

    public static final String EMPTY_MESSAGE =
            "No anomalies detected in this workspace yet. Use Rescore locally (Ctrl+R) to run the detectors on this data.";

    public enum Mode { DETECTIONS, COUNTS }

    public static final String RESCORE_TITLE = "Rescoring locally";
    public static final String RESCORE_CANCELLED = "Rescoring cancelled. The previous detections are kept.";
    static final String KEPT = "The previous detections are kept.";

    private final ObservableList<DetectionItem> detections = FXCollections.observableArrayList();
    private final ObservableList<DetectionItem> readOnlyDetections = FXCollections.unmodifiableObservableList(detections);
    private final ObservableList<CountItem> counts = FXCollections.observableArrayList();
    private final ObservableList<CountItem> readOnlyCounts = FXCollections.unmodifiableObservableList(counts);
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.DETECTIONS);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper meterColumnTitle = new ReadOnlyStringWrapper(this, "meterColumnTitle", "MPAN");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper(this, "emptyDetail", "");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance", "");
    private final LocalRescoring rescoring;
    private final ReadOnlyBooleanWrapper rescoreAvailable = new ReadOnlyBooleanWrapper(this, "rescoreAvailable", false);
    private final ReadOnlyBooleanWrapper rescoreRunning = new ReadOnlyBooleanWrapper(this, "rescoring", false);
    private final ReadOnlyStringWrapper rescoreMessage = new ReadOnlyStringWrapper(this, "rescoreMessage", "");
    private final ReadOnlyBooleanWrapper rescoreFailed = new ReadOnlyBooleanWrapper(this, "rescoreFailed", false);
    private final BooleanBinding rescoreDisabled;
    private TaskHandle rescoreTask = TaskHandle.NONE;

    /** A tab without local rescoring, e.g. for tests of the listing alone. */
    public AnomaliesViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        this(source, runner, session, LocalRescoring.NONE);
    }

    /** @param rescoring finds the local workspace behind the active source, if any, for "Rescore locally" */
    public AnomaliesViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session,
                              LocalRescoring rescoring) {
        super(source, runner, session);
        this.rescoring = rescoring == null ? LocalRescoring.NONE : rescoring;
        this.rescoreDisabled = Bindings.createBooleanBinding(
                () -> !rescoreAvailable.get() || rescoreRunning.get() || runner.activity().isRunning(),
                rescoreAvailable, rescoreRunning, runner.activity().runningProperty());
        rescoreAvailable.set(this.rescoring.forActiveSource().isPresent());
        meterColumnTitle.set(meterColumnTitleFor(session.role()));
        mode.set(session.role().aggregatesOnly() ? Mode.COUNTS : Mode.DETECTIONS);
        startListening();
    }

    static String meterColumnTitleFor(PurposeRole role) {
        return role.meterIdentity() == MeterIdentity.RAW_MPAN ? "MPAN" : "Meter pseudonym";
    }

    @Override
    protected void clearForRole(PurposeRole newRole) {
        detections.clear();
        counts.clear();
        empty.set(true);
        loaded.set(false);
        mode.set(newRole.aggregatesOnly() ? Mode.COUNTS : Mode.DETECTIONS);
        meterColumnTitle.set(meterColumnTitleFor(newRole));
        summary.set("");
        provenance.set("");
        // The summary was written for the role that asked for it.
        rescoreMessage.set("");
        rescoreFailed.set(false);
    }

    @Override
    protected void reload(ViewQuery query) {
        // Every source switch publishes a query: the active source may have become (or stopped being) local.
        rescoreAvailable.set(rescoring.forActiveSource().isPresent());
        load("Loading anomalies for " + query.role().displayName(), "load the anomalies",
                progress -> source.anomalies(query.role(), query.range()),
                listing -> show(query, listing));
    }

    private void show(ViewQuery query, AnomalyListing listing) {
        if (listing instanceof AnomalyListing.Detections d) {
            mode.set(Mode.DETECTIONS);
            counts.clear();
            detections.setAll(d.rows().stream().map(AnomaliesViewModel::item).toList());
            summary.set(d.rows().isEmpty() ? "No detections" : Formats.count(d.rows().size())
                    + (d.rows().size() == 1 ? " detection" : " detections"));
        } else if (listing instanceof AnomalyListing.Counts c) {
            mode.set(Mode.COUNTS);
            detections.clear();
            counts.setAll(c.counts().stream().map(AnomaliesViewModel::item).toList());
            long total = c.counts().stream().mapToLong(AnomalyCount::count).sum();
            summary.set(c.counts().isEmpty() ? "No anomalies counted" : Formats.count(total) + " anomalies in "
                    + Formats.count(c.counts().size()) + " group-days");
        }
        empty.set(listing.isEmpty());
        loaded.set(true);
        meterColumnTitle.set(meterColumnTitleFor(query.role()));
        String relation = listing.provenance() == null ? "the role's anomaly view" : listing.provenance().relation();
        emptyDetail.set("Searched " + relation + " for " + Formats.range(query.range()) + " as "
                + query.role().displayName() + ".");
        provenance.set(listing.provenance() == null ? "" : Formats.provenance(listing.provenance()));
        session.recordProvenance(query.role(), listing.provenance());
    }

    /**
     * "Rescore locally" (Ctrl+R): reads the local workspace, runs the detectors and replaces its local detections in
     * the background, then reloads the tab through the role's view and shows a one-line summary. Cancel (Esc) and
     * failures keep the previous detections. Does nothing while disabled.
     */
    public void rescore() {
        if (rescoreDisabled.get()) {
            return;
        }
        Optional<LocalRescoring.Rescorer> rescorer = rescoring.forActiveSource();
        if (rescorer.isEmpty()) {
            rescoreAvailable.set(false);
            return;
        }
        LocalRescoring.Rescorer work = rescorer.get();
        rescoreRunning.set(true);
        rescoreFailed.set(false);
        rescoreMessage.set("Rescoring the local workspace…");
        rescoreTask = runner.task(RESCORE_TITLE, work::rescore)
                .onSuccess(result -> {
                    rescoreRunning.set(false);
                    rescoreFailed.set(false);
                    rescoreMessage.set(describe(result));
                    refresh();
                })
                .onFailure(error -> {
                    rescoreRunning.set(false);
                    String message = UserMessages.describe(error, "rescore the local workspace");
                    if (!message.contains(KEPT)) {
                        message = message + " " + KEPT;
                    }
                    rescoreFailed.set(true);
                    rescoreMessage.set(message);
                    session.reportError(message);
                })
                .onCancelled(() -> {
                    rescoreRunning.set(false);
                    rescoreFailed.set(false);
                    rescoreMessage.set(RESCORE_CANCELLED);
                })
                .start();
    }

    /** Stops a running rescoring; nothing is written once it stops. */
    public void cancelRescore() {
        rescoreTask.cancel();
    }

    /** "Rescored 43,200 readings in 1.2 s: 35 detections (Theft / bypass 4, Meter malfunction 20, …)." */
    static String describe(RescoreSummary result) {
        StringJoiner types = new StringJoiner(", ", " (", ")");
        for (AnomalyType type : AnomalyType.values()) {
            types.add(type.label() + " " + Formats.count(result.count(type)));
        }
        return "Rescored " + Formats.count(result.readings()) + " readings in " + seconds(result.elapsed()) + ": "
                + Formats.count(result.detections()) + (result.detections() == 1 ? " detection" : " detections")
                + types + ".";
    }

    static String seconds(Duration elapsed) {
        return Formats.decimal(elapsed.toMillis() / 1000.0, 1) + " s";
    }

    static DetectionItem item(AnomalyRow row) {
        String expectedVsActual = (row.expectedKwh() == null ? Formats.NONE : Formats.decimal(row.expectedKwh(), 2))
                + " → " + (row.actualKwh() == null ? Formats.NONE : Formats.decimal(row.actualKwh(), 2)) + " kWh";
        return new DetectionItem(row.meterLabel(), gspLabel(row.gspGroup()), row.type().label(),
                row.severity().displayName(), Formats.decimal(row.score(), 2), interval(row.start(), row.end()),
                expectedVsActual, row.reason());
    }

    static CountItem item(AnomalyCount count) {
        return new CountItem(Formats.day(count.day()), gspLabel(count.gspGroup()), count.type().label(),
                count.severity().displayName(), Formats.count(count.count()));
    }

    private static String gspLabel(String code) {
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

    public ObservableList<DetectionItem> detections() {
        return readOnlyDetections;
    }

    public ObservableList<CountItem> counts() {
        return readOnlyCounts;
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

    /** True while the active source is a local workspace that can be rescored. */
    public ReadOnlyBooleanProperty rescoreAvailableProperty() {
        return rescoreAvailable.getReadOnlyProperty();
    }

    /** True while a rescoring of this tab runs. */
    public ReadOnlyBooleanProperty rescoringProperty() {
        return rescoreRunning.getReadOnlyProperty();
    }

    /** "Rescore locally" is disabled: no local workspace, or something (this rescoring included) is running. */
    public BooleanBinding rescoreDisabledProperty() {
        return rescoreDisabled;
    }

    public boolean isRescoreDisabled() {
        return rescoreDisabled.get();
    }

    /** The last rescoring's one-line summary, or why it stopped; empty before the first. */
    public ReadOnlyStringProperty rescoreMessageProperty() {
        return rescoreMessage.getReadOnlyProperty();
    }

    /** True when {@link #rescoreMessageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty rescoreFailedProperty() {
        return rescoreFailed.getReadOnlyProperty();
    }
}
