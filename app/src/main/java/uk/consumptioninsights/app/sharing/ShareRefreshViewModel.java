package uk.consumptioninsights.app.sharing;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.recipient.RefreshOutcome;

/**
 * Refresh for the share shown: brings its local copy up to the share's version in the background, with progress and
 * cancel, then says what it did ("1,204 rows changed since version 41") and shows the copy's refresh history. What was
 * loaded before stays shown when a refresh fails or is cancelled.
 */
public final class ShareRefreshViewModel {

    /** What the background refresh hands back. */
    private record Refreshed(List<RefreshOutcome> outcomes, List<RefreshHistoryItem> history) {
    }

    private final ShareRefresher refresher;
    private final ReadOnlyObjectProperty<OpenedShare> shown;
    private final TaskRunner runner;
    private final Runnable reread;
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ObservableList<RefreshHistoryItem> history = FXCollections.observableArrayList();
    private final ObservableList<RefreshHistoryItem> readOnlyHistory = FXCollections.unmodifiableObservableList(history);
    private final BooleanBinding canRefresh;
    private TaskHandle current = TaskHandle.NONE;

    /**
     * @param shown  the share shown now (null when another source is)
     * @param reread re-reads the shown source once its copy has changed
     */
    public ShareRefreshViewModel(ShareRefresher refresher, ReadOnlyObjectProperty<OpenedShare> shown, TaskRunner runner,
                                 Runnable reread) {
        this.refresher = refresher;
        this.shown = shown;
        this.runner = runner;
        this.reread = reread;
        this.canRefresh = Bindings.createBooleanBinding(() -> shown.get() != null && !refreshing.get(), shown, refreshing);
        shown.addListener((o, old, share) -> {
            current.cancel();
            history.clear();
            failed.set(false);
            message.set(share == null ? "" : "Refresh brings the tables loaded from the share up to its latest version.");
            if (share != null) {
                loadHistory(share);
            }
        });
    }

    /** Refreshes the shown share in the background; false when none is shown or a refresh runs. */
    public boolean refresh() {
        if (!canRefresh.get()) {
            return false;
        }
        OpenedShare share = shown.get();
        refreshing.set(true);
        failed.set(false);
        message.set("Asking the share what changed…");
        current = runner.task("Refreshing the shared tables", progress -> {
                    List<RefreshOutcome> outcomes = refresher.refresh(share, progress);
                    return new Refreshed(outcomes, items(share));
                })
                .onSuccess(done -> {
                    refreshing.set(false);
                    message.set(summary(done.outcomes()));
                    history.setAll(done.history());
                    if (done.outcomes().stream().anyMatch(o -> !(o instanceof RefreshOutcome.UpToDate))) {
                        reread.run();
                    }
                })
                .onFailure(error -> {
                    refreshing.set(false);
                    failed.set(true);
                    message.set(UserMessages.describe(error, "refresh the shared tables") + " Tables not yet "
                            + "refreshed keep the version loaded before.");
                })
                .onCancelled(() -> {
                    refreshing.set(false);
                    message.set("Refreshing was cancelled. Tables not yet refreshed keep the version loaded before.");
                })
                .start();
        return true;
    }

    private void loadHistory(OpenedShare share) {
        current = runner.task("Reading the refresh history", progress -> items(share)).quiet()
                .onSuccess(history::setAll)
                .onFailure(error -> message.set(UserMessages.describe(error, "read the refresh history")))
                .start();
    }

    private List<RefreshHistoryItem> items(OpenedShare share) throws Exception {
        return refresher.history(share).stream().map(RefreshHistoryItem::of).toList();
    }

    /** One table: its summary; more: each table's, named. */
    static String summary(List<RefreshOutcome> outcomes) {
        if (outcomes.size() == 1) {
            return outcomes.get(0).summary() + ".";
        }
        return outcomes.stream().map(o -> o.table().substring(o.table().lastIndexOf('.') + 1) + ": " + o.summary())
                .collect(Collectors.joining("; ", "", "."));
    }

    /** Stops the refresh; tables already refreshed keep their new version. Esc and the status bar's Cancel too. */
    public void cancel() {
        current.cancel();
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    /** Progress, the summary of what the refresh did, or what went wrong and what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Every load and refresh of the shown copy's tables, newest first. */
    public ObservableList<RefreshHistoryItem> history() {
        return readOnlyHistory;
    }
}
