package uk.consumptioninsights.app.common;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.app.task.Work;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * What every tab's view-model does alike: reload when the session publishes a query, run the query in the
 * background, drop answers to older queries, and turn failures into a message while keeping what is shown.
 */
public abstract class FeatureViewModel {

    protected final ConsumptionSource source;
    protected final TaskRunner runner;
    protected final WorkbenchSession session;

    private final LatestLoad latest;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private PurposeRole shownRole;

    protected FeatureViewModel(ConsumptionSource source, TaskRunner runner, WorkbenchSession session) {
        this.source = source;
        this.runner = runner;
        this.session = session;
        this.latest = new LatestLoad(runner, false);
        session.queryProperty().addListener((o, old, query) -> {
            if (query != null) {
                onQuery(query);
            }
        });
    }

    /** Called by subclasses at the end of their constructor, so a query published earlier is shown too. */
    protected final void startListening() {
        if (session.query() != null) {
            onQuery(session.query());
        }
    }

    private void onQuery(ViewQuery query) {
        if (shownRole != query.role()) {
            // What one role saw must never stay on screen under another role.
            clearForRole(query.role());
            shownRole = query.role();
        }
        reload(query);
    }

    /** Forget everything shown: the role changed. */
    protected abstract void clearForRole(PurposeRole newRole);

    /** Start loading what the tab shows for this query, through {@link #load}. */
    protected abstract void reload(ViewQuery query);

    /** F5 for this tab alone. */
    public void refresh() {
        if (session.query() != null) {
            reload(session.query());
        }
    }

    /**
     * Runs {@code work} in the background; {@code apply} gets the result on the UI thread unless a newer load
     * started meanwhile. A failure keeps what is shown and puts {@code action} into a message.
     */
    protected final <T> void load(String title, String action, Work<T> work, Consumer<T> apply) {
        latest.start(title, work, value -> {
            errorMessage.set(null);
            apply.accept(value);
        }, error -> {
            UserMessage message = UserMessages.of(error, action);
            errorMessage.set(message.whatHappened());
            session.reportError(message);
        });
    }

    /** True while this tab waits for its source. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return latest.loadingProperty();
    }

    public boolean isLoading() {
        return latest.loadingProperty().get();
    }

    /** The last failure of this tab, null after a success. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String errorMessage() {
        return errorMessage.get();
    }
}
