package uk.consumptioninsights.app.shell;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.task.TaskActivity;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.work.Progress;

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
    private final SourceOpener opener;
    private final TaskRunner runner;
    private final WorkbenchSession session;
    private final Settings settings;
    private final LocalDate fallbackDay;

    private final ReadOnlyObjectWrapper<WorkspaceState> state = new ReadOnlyObjectWrapper<>(this, "state", WorkspaceState.PREPARING);
    private final ReadOnlyStringWrapper stateTitle = new ReadOnlyStringWrapper(this, "stateTitle", PREPARING);
    private final ReadOnlyStringWrapper stateMessage = new ReadOnlyStringWrapper(this, "stateMessage", PREPARING_DETAIL);
    private final ReadOnlyStringWrapper sourceTitle = new ReadOnlyStringWrapper(this, "sourceTitle");
    private final ReadOnlyStringWrapper sourceLocation = new ReadOnlyStringWrapper(this, "sourceLocation");
    private final ObservableList<PurposeRole> roles = FXCollections.observableArrayList(PurposeRole.values());
    private final ObservableList<PurposeRole> readOnlyRoles = FXCollections.unmodifiableObservableList(roles);
    private final ReadOnlyStringWrapper roleDescription = new ReadOnlyStringWrapper(this, "roleDescription");
    private final ReadOnlyObjectWrapper<DateRange> availableRange = new ReadOnlyObjectWrapper<>(this, "availableRange");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>(this, "fromDate");
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>(this, "toDate");
    private final ReadOnlyStringWrapper rangeNote = new ReadOnlyStringWrapper(this, "rangeNote", "");
    private final ReadOnlyBooleanWrapper defaultSourceShown = new ReadOnlyBooleanWrapper(this, "defaultSourceShown", false);
    private final ReadOnlyBooleanWrapper openingDefault = new ReadOnlyBooleanWrapper(this, "openingDefault", false);

    private TaskHandle opening = TaskHandle.NONE;
    /** What the header shows; null until the first source is READY. */
    private OpenedSource shown;
    /** Sources switched away from, released once the tabs have been asked for the next source's data. */
    private final List<OpenedSource> switchedFrom = new ArrayList<>();
    private long rangeToken;
    private boolean settingDates;

    /**
     * @param fallbackDay the day to show when a role sees no data at all (yesterday in London)
     */
    public ShellViewModel(ActiveSource activeSource, SourceOpener opener, TaskRunner runner, WorkbenchSession session,
                          Settings settings, LocalDate fallbackDay) {
        this.activeSource = activeSource;
        this.opener = opener;
        this.runner = runner;
        this.session = session;
        this.settings = settings;
        this.fallbackDay = fallbackDay;
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
        fromDate.addListener((o, old, day) -> datesEdited(true));
        toDate.addListener((o, old, day) -> datesEdited(false));
    }

    /** Opens (and if need be builds) the source in the background. Call once the window is showing. */
    public void start() {
        if (state.get() == WorkspaceState.PREPARING && !opening.isDone()) {
            return;
        }
        state.set(WorkspaceState.PREPARING);
        stateTitle.set(PREPARING);
        stateMessage.set(PREPARING_DETAIL);
        opening = runner.task(PREPARING, this::openDefault)
                .onSuccess(opened -> show(opened, true))
                .onFailure(error -> {
                    state.set(WorkspaceState.FAILED);
                    stateTitle.set("The local workspace could not be prepared");
                    stateMessage.set(UserMessages.describe(error, "prepare the local workspace")
                            + " Press Retry or F5 to try again.");
                })
                .onCancelled(() -> {
                    state.set(WorkspaceState.CANCELLED);
                    stateTitle.set("Preparation cancelled");
                    stateMessage.set("Preparing the local workspace was cancelled, so there is no data to show. "
                            + "Press Retry or F5 to prepare it again.");
                })
                .start();
    }

    /** Runs off the UI thread. */
    private OpenedSource openDefault(Progress progress) throws Exception {
        ConsumptionSource source = opener.open(progress);
        OpenedSource opened = OpenedSource.of(source, opener.governance(source), () -> opener.release(source));
        progress.checkCancelled();
        return opened;
    }

    /**
     * Shows {@code next} instead of the active source, e.g. a workspace just imported: the header names it, the dates
     * reset to its whole range and every tab re-queries it. The source shown until now is released once the tabs have
     * been asked for the new data. Call on the UI thread; {@code next} was opened in the background. Also works when
     * the default source could not be prepared: the window becomes READY with {@code next}.
     */
    public void switchTo(OpenedSource next) {
        show(next, false);
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
        if (defaultSourceShown.get() || openingDefault.get()) {
            return;
        }
        openingDefault.set(true);
        AtomicReference<OpenedSource> unclaimed = new AtomicReference<>();
        runner.task("Opening the synthetic workspace", progress -> {
                    OpenedSource opened = openDefault(progress.slice(0, 0.99));
                    unclaimed.set(opened);
                    progress.checkCancelled();
                    return opened;
                })
                .onSuccess(opened -> {
                    unclaimed.set(null);
                    openingDefault.set(false);
                    show(opened, true);
                })
                .onFailure(error -> {
                    openingDefault.set(false);
                    letGo(unclaimed.getAndSet(null));
                    session.reportError(UserMessages.describe(error, "open the synthetic workspace")
                            + " Still showing " + sourceTitle.get() + ".");
                })
                .onCancelled(() -> {
                    openingDefault.set(false);
                    // Cancelled after it opened: it is not shown, so it must not stay open.
                    letGo(unclaimed.getAndSet(null));
                })
                .start();
    }

    private void show(OpenedSource next, boolean isDefault) {
        OpenedSource previous = shown;
        shown = next;
        activeSource.use(next);
        sourceTitle.set(next.descriptor().title());
        sourceLocation.set(next.descriptor().location());
        defaultSourceShown.set(isDefault);
        List<PurposeRole> offered = next.roles().isEmpty() ? List.of(PurposeRole.values()) : next.roles();
        if (!roles.equals(offered)) {
            roles.setAll(offered);
        }
        if (previous != null && previous.source() != next.source()) {
            switchedFrom.add(previous);
            // Another source: show its whole range, not the dates chosen in the last one.
            availableRange.set(null);
            clearDates();
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
            letGo(old);
        }
    }

    private static void letGo(OpenedSource opened) {
        if (opened == null) {
            return;
        }
        try {
            opened.release().run();
        } catch (RuntimeException e) {
            LOG.warn("Could not release {}", opened.descriptor().location(), e);
        }
    }

    /** Finds the role's dates in the background, then makes every tab show them. */
    private void applyRole(PurposeRole role) {
        if (state.get() != WorkspaceState.READY) {
            return;
        }
        long token = ++rangeToken;
        runner.task("Finding the dates visible to " + role.displayName(), progress -> new RangeAnswer(activeSource.availableRange(role)))
                .onSuccess(answer -> {
                    if (token == rangeToken && role == session.role()) {
                        rangeKnown(role, answer.range());
                    }
                })
                .onFailure(error -> {
                    if (token == rangeToken) {
                        session.reportError(UserMessages.describe(error, "find the dates with data"));
                        releaseSwitchedFrom();
                    }
                })
                .onCancelled(() -> {
                    if (token == rangeToken && !switchedFrom.isEmpty()) {
                        session.reportError("Finding the dates of " + sourceTitle.get() + " was cancelled, so the tabs "
                                + "still show the previous source. Press F5 to show its data.");
                        releaseSwitchedFrom();
                    }
                })
                .start();
    }

    /** Null-safe carrier: a role may see no data at all. */
    private record RangeAnswer(DateRange range) {
    }

    private void rangeKnown(PurposeRole role, DateRange available) {
        availableRange.set(available);
        DateRange current = fromDate.get() != null && toDate.get() != null && !toDate.get().isBefore(fromDate.get())
                ? new DateRange(fromDate.get(), toDate.get()) : null;
        DateRange range;
        if (available == null) {
            range = current != null ? current : new DateRange(fallbackDay, fallbackDay);
            rangeNote.set("No data is visible to " + role.displayName() + " in this source.");
        } else {
            range = current == null ? available : current.clippedTo(available);
            rangeNote.set("Data from " + Formats.day(available.from()) + " to " + Formats.day(available.to()));
        }
        setDates(range);
        session.publish(role, range);
        releaseSwitchedFrom();
    }

    private void clearDates() {
        settingDates = true;
        try {
            fromDate.set(null);
            toDate.set(null);
        } finally {
            settingDates = false;
        }
    }

    private void setDates(DateRange range) {
        settingDates = true;
        try {
            fromDate.set(range.from());
            toDate.set(range.to());
        } finally {
            settingDates = false;
        }
    }

    private void datesEdited(boolean fromEdited) {
        if (settingDates || state.get() != WorkspaceState.READY) {
            return;
        }
        LocalDate from = fromDate.get();
        LocalDate to = toDate.get();
        if (from == null || to == null) {
            return;
        }
        DateRange available = availableRange.get();
        if (available != null) {
            from = clamp(from, available);
            to = clamp(to, available);
        }
        if (to.isBefore(from)) {
            if (fromEdited) {
                to = from;
            } else {
                from = to;
            }
        }
        DateRange range = new DateRange(from, to);
        setDates(range);
        if (session.query() == null || !range.equals(session.query().range())) {
            session.publish(session.role(), range);
        }
    }

    private static LocalDate clamp(LocalDate day, DateRange bounds) {
        return day.isBefore(bounds.from()) ? bounds.from() : day.isAfter(bounds.to()) ? bounds.to() : day;
    }

    /** Whether the date pickers may offer {@code day}: inside the role's available dates. */
    public boolean isSelectable(LocalDate day) {
        DateRange available = availableRange.get();
        return day != null && (available == null || available.contains(day));
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
        if (state() != WorkspaceState.PREPARING) {
            action.run();
            return;
        }
        stateProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends WorkspaceState> o, WorkspaceState old, WorkspaceState now) {
                if (now != WorkspaceState.PREPARING) {
                    stateProperty().removeListener(this);
                    action.run();
                }
            }
        });
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
        return defaultSourceShown.getReadOnlyProperty();
    }

    /** True while {@link #openDefaultSource} is opening it. */
    public ReadOnlyBooleanProperty openingDefaultProperty() {
        return openingDefault.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleDescriptionProperty() {
        return roleDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DateRange> availableRangeProperty() {
        return availableRange.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ReadOnlyStringProperty rangeNoteProperty() {
        return rangeNote.getReadOnlyProperty();
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
}
