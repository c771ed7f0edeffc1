package uk.consumptioninsights.app.shell;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.task.TaskActivity;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The main window's state: which source is active, the purpose role, the dates every tab shows, the status bar and
 * the error banner. Prepares the source in the background on start; nothing is shown as data until it is READY.
 */
public final class ShellViewModel {

    public static final String APP_NAME = "Consumption Insights Workbench";
    public static final String PREPARING = "Preparing local workspace…";
    static final String PREPARING_DETAIL = "The first launch builds a synthetic fleet into a local DuckDB file; later "
            + "launches open it directly. Nothing is shown until it is complete.";

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    public enum WorkspaceState { PREPARING, READY, CANCELLED, FAILED }

    /** What the background open hands back: everything read from the source, so the UI thread does no IO. */
    private record Opened(ConsumptionSource source, SourceDescriptor descriptor, List<PurposeRole> roles) {
    }

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

    private TaskHandle opening = TaskHandle.NONE;
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
        opening = runner.task(PREPARING, progress -> {
                    ConsumptionSource source = opener.open(progress);
                    progress.checkCancelled();
                    return new Opened(source, source.descriptor(), List.copyOf(source.roles()));
                })
                .onSuccess(this::opened)
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

    private void opened(Opened opened) {
        activeSource.use(opened.source());
        sourceTitle.set(opened.descriptor().title());
        sourceLocation.set(opened.descriptor().location());
        List<PurposeRole> offered = opened.roles().isEmpty() ? List.of(PurposeRole.values()) : opened.roles();
        if (!roles.equals(offered)) {
            roles.setAll(offered);
        }
        state.set(WorkspaceState.READY);
        stateTitle.set("");
        stateMessage.set("");
        LOG.info("Source ready: {} at {}", opened.descriptor().title(), opened.descriptor().location());
        if (!roles.contains(session.role())) {
            session.roleProperty().set(roles.get(0));
        } else {
            applyRole(session.role());
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
