package uk.consumptioninsights.app.anomalies;

import java.time.Duration;
import java.util.Optional;
import java.util.StringJoiner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * "Rescore locally" (Ctrl+R): reads the local workspace, runs the detectors and replaces its local detections in the
 * background, then asks the tab to reload and leaves a one-line summary. Cancel (Esc) and failures keep the previous
 * detections.
 */
final class RescoreAction {

    static final String TITLE = "Rescoring locally";
    static final String CANCELLED = "Rescoring cancelled. The previous detections are kept.";
    static final String KEPT = "The previous detections are kept.";

    private final LocalRescoring rescoring;
    private final TaskRunner runner;
    private final WorkbenchSession session;
    private final Runnable afterRescoring;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "rescoreAvailable", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "rescoring", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "rescoreMessage", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "rescoreFailed", false);
    private final BooleanBinding disabled;
    private TaskHandle task = TaskHandle.NONE;

    RescoreAction(LocalRescoring rescoring, TaskRunner runner, WorkbenchSession session, Runnable afterRescoring) {
        this.rescoring = rescoring == null ? LocalRescoring.NONE : rescoring;
        this.runner = runner;
        this.session = session;
        this.afterRescoring = afterRescoring;
        this.disabled = Bindings.createBooleanBinding(
                () -> !available.get() || running.get() || runner.activity().isRunning(),
                available, running, runner.activity().runningProperty());
        checkAvailable();
    }

    /** Every source switch may have made the active source (no longer) local. */
    void checkAvailable() {
        available.set(rescoring.forActiveSource().isPresent());
        if (available.get()) {
            rescoring.prepare();
        }
    }

    /** The summary was written for the role that asked for it. */
    void forget() {
        message.set("");
        failed.set(false);
    }

    void start() {
        if (disabled.get()) {
            return;
        }
        Optional<LocalRescoring.Rescorer> rescorer = rescoring.forActiveSource();
        if (rescorer.isEmpty()) {
            available.set(false);
            return;
        }
        LocalRescoring.Rescorer work = rescorer.get();
        running.set(true);
        failed.set(false);
        message.set("Rescoring the local workspace…");
        task = runner.task(TITLE, work::rescore)
                .onSuccess(result -> {
                    running.set(false);
                    failed.set(false);
                    message.set(describe(result));
                    afterRescoring.run();
                })
                .onFailure(error -> {
                    running.set(false);
                    String text = UserMessages.describe(error, "rescore the local workspace");
                    if (!text.contains(KEPT)) {
                        text = text + " " + KEPT;
                    }
                    failed.set(true);
                    message.set(text);
                    session.reportError(text);
                })
                .onCancelled(() -> {
                    running.set(false);
                    failed.set(false);
                    message.set(CANCELLED);
                })
                .start();
    }

    void cancel() {
        task.cancel();
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

    ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    BooleanBinding disabledProperty() {
        return disabled;
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
