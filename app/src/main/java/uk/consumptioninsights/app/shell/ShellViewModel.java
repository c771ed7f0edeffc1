package uk.consumptioninsights.app.shell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.app.session.SourceSwitch;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskActivity;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The main window's state: which source is active, the purpose role, the dates every tab shows, the status bar and
 * the error banner. Prepares the source in the background on start; nothing is shown as data until it is READY.
 *
 * <p>Once READY, {@link #switchTo} shows another source (an imported workspace) and {@link #openDefaultSource} goes
 * back to the one the opener prepares. A switch keeps the window READY: the current source stays on screen until the
 * next one is open, and the one switched away from is released once every tab has been asked for the new data.
 */
public final class ShellViewModel {

    public static final String APP_NAME = "Consumption Insights Workbench";
    public static final String PREPARING = "Preparing local workspace…";
    static final String PREPARING_DETAIL = "The first launch builds a synthetic fleet into a local DuckDB file; later "
            + "launches open it directly. Nothing is shown until it is complete.";

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    public enum WorkspaceState { PREPARING, READY, CANCELLED, FAILED }

    private final ActiveSource activeSource;
    private final SourceSwitch sources;
    private final SourceOpener opener;
    private final TaskRunner runner;
    private final WorkbenchSession session;
    private final LatestLoad ranges;
    private final DateChoice dates;

    private final ReadOnlyObjectWrapper<WorkspaceState> state = new ReadOnlyObjectWrapper<>(this, "state", WorkspaceState.PREPARING);
    private final ReadOnlyStringWrapper stateTitle = new ReadOnlyStringWrapper(this, "stateTitle", PREPARING);
    private final ReadOnlyStringWrapper stateMessage = new ReadOnlyStringWrapper(this, "stateMessage", PREPARING_DETAIL);
    private final ReadOnlyStringWrapper sourceTitle = new ReadOnlyStringWrapper(this, "sourceTitle");
    private final ReadOnlyStringWrapper sourceLocation = new ReadOnlyStringWrapper(this, "sourceLocation");
    private final ObservableList<PurposeRole> roles = FXCollections.observableArrayList(PurposeRole.values());
    private final ObservableList<PurposeRole> readOnlyRoles = FXCollections.unmodifiableObservableList(roles);
    private final ReadOnlyStringWrapper roleDescription = new ReadOnlyStringWrapper(this, "roleDescription");

    private TaskHandle opening = TaskHandle.NONE;
    /** What the header shows; null until the first source is READY. */
    private OpenedSource shown;
    /** Sources switched away from, released once the tabs have been asked for the next source's data. */
    private final List<OpenedSource> switchedFrom = new ArrayList<>();

    /**
     * @param fallbackDay the day to show when a role sees no data at all (yesterday in London)
     */
    public ShellViewModel(ActiveSource activeSource, SourceOpener opener, TaskRunner runner, WorkbenchSession session,
                          Settings settings, LocalDate fallbackDay) {
        this(activeSource, new SourceSwitch(runner), opener, runner, session, settings, fallbackDay);
    }

    /**
     * @param sources     the seam every dialog opens sources through; this shell shows what it hands over
     * @param fallbackDay the day to show when a role sees no data at all (yesterday in London)
     */
    public ShellViewModel(ActiveSource activeSource, SourceSwitch sources, SourceOpener opener, TaskRunner runner,
                          WorkbenchSession session, Settings settings, LocalDate fallbackDay) {
        this.activeSource = activeSource;
        this.sources = sources;
        this.opener = opener;
        this.runner = runner;
        this.session = session;
        this.ranges = new LatestLoad(runner, false);
        this.dates = new DateChoice(session, fallbackDay, () -> state.get() == WorkspaceState.READY);
        sourceTitle.set("Local workspace · preparing");
        sourceLocation.set(opener.target());
        settings.lastRole().ifPresent(session.roleProperty()::set);
        roleDescription.set(session.role().description());
        session.roleProperty().addListener((o, old, role) -> {
            if (role == null) {
                session.roleProperty().set(old);
                return;
            }
            roleDescription.set(role.description());
            settings.saveLastRole(role);
            LOG.info("Purpose role is now {}", role.displayName());
            applyRole(role);
        });
        sources.showIn(this::show);
        sources.onDefaultRequested(this::openDefaultSource);
    }

    /** Opens (and if need be builds) the source in the background. Call once the window is showing. */
    public void start() {
        if (state.get() == WorkspaceState.PREPARING && !opening.isDone()) {
            return;
        }
        state.set(WorkspaceState.PREPARING);
        stateTitle.set(PREPARING);
        stateMessage.set(PREPARING_DETAIL);
        // On success show() makes the window READY.
        opening = sources.open(defaultOpening(PREPARING), SourceSwitch.Outcome.of((opened, source) -> { }, error -> {
            state.set(WorkspaceState.FAILED);
            stateTitle.set("The local workspace could not be prepared");
            stateMessage.set(UserMessages.describe(error, "prepare the local workspace") + " Press Retry or F5 to try again.");
        }, () -> {
            state.set(WorkspaceState.CANCELLED);
            stateTitle.set("Preparation cancelled");
            stateMessage.set("Preparing the local workspace was cancelled, so there is no data to show. "
                    + "Press Retry or F5 to prepare it again.");
        }));
    }

    /** The default source as the seam opens it: off the UI thread, released by the opener. */
    private SourceSwitch.Opening<ConsumptionSource> defaultOpening(String title) {
        return new SourceSwitch.Opening<>(title, opener::open,
                source -> OpenedSource.of(source, opener.governance(source), () -> opener.release(source)),
                opener::release, true);
    }

    /**
     * Shows {@code next} instead of the active source, e.g. a workspace just imported: the header names it, the dates
     * reset to its whole range and every tab re-queries it. The source shown until now is released once the tabs have
     * been asked for the new data. Call on the UI thread; {@code next} was opened in the background. Also works when
     * the default source could not be prepared: the window becomes READY with {@code next}.
     */
    public void switchTo(OpenedSource next) {
        sources.handOver(next, false);
    }

    /**
     * File → Open synthetic workspace: opens the default source in the background (the current one stays on screen
     * meanwhile, and stays if that fails or is cancelled), then switches to it. Does nothing while it is shown.
     */
    public void openDefaultSource() {
        if (state.get() != WorkspaceState.READY) {
            refresh();
            return;
        }
        if (sources.defaultShownProperty().get() || sources.openingDefaultProperty().get()) {
            return;
        }
        // Cancelled: the seam released it and the current source stays.
        sources.open(defaultOpening("Opening the synthetic workspace"), SourceSwitch.Outcome.of((opened, source) -> { },
                error -> session.reportError(UserMessages.describe(error, "open the synthetic workspace")
                        + " Still showing " + sourceTitle.get() + "."), () -> { }));
    }

    /** The seam hands over every source here, on the UI thread. */
    private void show(OpenedSource next, boolean isDefault) {
        OpenedSource previous = shown;
        shown = next;
        activeSource.use(next);
        sourceTitle.set(next.descriptor().title());
        sourceLocation.set(next.descriptor().location());
        List<PurposeRole> offered = next.roles().isEmpty() ? List.of(PurposeRole.values()) : next.roles();
        if (!roles.equals(offered)) {
            roles.setAll(offered);
        }
        if (previous != null && previous.source() != next.source()) {
            switchedFrom.add(previous);
            dates.forget();
        }
        state.set(WorkspaceState.READY);
        stateTitle.set("");
        stateMessage.set("");
        LOG.info("Source ready: {} at {}", next.descriptor().title(), next.descriptor().location());
        if (!roles.contains(session.role())) {
            session.roleProperty().set(roles.get(0));
        } else {
            applyRole(session.role());
        }
    }

    /** After a switch, once every tab has a query for the new source (or none could be made): close the old ones. */
    private void releaseSwitchedFrom() {
        if (switchedFrom.isEmpty()) {
            return;
        }
        List<OpenedSource> done = List.copyOf(switchedFrom);
        switchedFrom.clear();
        for (OpenedSource old : done) {
            LOG.info("Releasing {} at {}", old.descriptor().title(), old.descriptor().location());
            SourceSwitch.release(old);
        }
    }

    /** Finds the role's dates in the background, then makes every tab show them. */
    private void applyRole(PurposeRole role) {
        if (state.get() != WorkspaceState.READY) {
            return;
        }
        ranges.start("Finding the dates visible to " + role.displayName(),
                progress -> new RangeAnswer(activeSource.availableRange(role)),
                answer -> {
                    if (role == session.role()) {
                        dates.rangeKnown(role, answer.range());
                        releaseSwitchedFrom();
                    }
                },
                error -> {
                    session.reportError(UserMessages.describe(error, "find the dates with data"));
                    releaseSwitchedFrom();
                },
                () -> {
                    if (!switchedFrom.isEmpty()) {
                        session.reportError("Finding the dates of " + sourceTitle.get() + " was cancelled, so the tabs "
                                + "still show the previous source. Press F5 to show its data.");
                        releaseSwitchedFrom();
                    }
                });
    }

    /** Null-safe carrier: a role may see no data at all. */
    private record RangeAnswer(DateRange range) {
    }

    /** Whether the date pickers may offer {@code day}: inside the role's available dates. */
    public boolean isSelectable(LocalDate day) {
        return dates.isSelectable(day);
    }

    /** F5: re-read everything; after a cancelled or failed preparation, prepare again. */
    public void refresh() {
        switch (state.get()) {
            case READY -> applyRole(session.role());
            case CANCELLED, FAILED -> start();
            case PREPARING -> {
                // Already on its way.
            }
        }
    }

    /** Esc and the status bar's Cancel: stop whatever runs. */
    public void cancel() {
        runner.cancelAll();
    }

    public void dismissError() {
        session.dismissError();
    }

    public ReadOnlyObjectProperty<WorkspaceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * Runs {@code action} once the first preparation has finished (at once if it has): for files named on the command
     * line, which need a source to fall back on.
     */
    public void whenPrepared(Runnable action) {
        sources.whenPrepared(action);
    }

    public WorkspaceState state() {
        return state.get();
    }

    /** The headline the window shows instead of data while not READY. */
    public ReadOnlyStringProperty stateTitleProperty() {
        return stateTitle.getReadOnlyProperty();
    }

    /** What the window says instead of data while not READY. */
    public ReadOnlyStringProperty stateMessageProperty() {
        return stateMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTitleProperty() {
        return sourceTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceLocationProperty() {
        return sourceLocation.getReadOnlyProperty();
    }

    public ObservableList<PurposeRole> roles() {
        return readOnlyRoles;
    }

    public ObjectProperty<PurposeRole> roleProperty() {
        return session.roleProperty();
    }

    /** True while the source shown is the default one the opener prepares (the synthetic workspace). */
    public ReadOnlyBooleanProperty defaultSourceShownProperty() {
        return sources.defaultShownProperty();
    }

    /** True while {@link #openDefaultSource} is opening it. */
    public ReadOnlyBooleanProperty openingDefaultProperty() {
        return sources.openingDefaultProperty();
    }

    public ReadOnlyStringProperty roleDescriptionProperty() {
        return roleDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DateRange> availableRangeProperty() {
        return dates.availableRangeProperty();
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return dates.fromDateProperty();
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return dates.toDateProperty();
    }

    public ReadOnlyStringProperty rangeNoteProperty() {
        return dates.rangeNoteProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return session.errorMessageProperty();
    }

    public TaskActivity activity() {
        return runner.activity();
    }

    public WorkbenchSession session() {
        return session;
    }

    /** The seam the dialogs open sources through. */
    public SourceSwitch sources() {
        return sources;
    }
}
