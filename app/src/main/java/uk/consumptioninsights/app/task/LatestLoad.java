package uk.consumptioninsights.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One kind of background load where only the newest request matters: starting a load cancels the previous one, and
 * answers to older requests are dropped, so a slow early answer never overwrites a newer one.
 */
public final class LatestLoad {

    private final TaskRunner runner;
    private final boolean quiet;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private TaskHandle current = TaskHandle.NONE;
    private long generation;

    /** @param quiet true for loads that should not take over the status bar (e.g. following a selection) */
    public LatestLoad(TaskRunner runner, boolean quiet) {
        this.runner = runner;
        this.quiet = quiet;
    }

    /** Exactly one of {@code apply} and {@code fail} runs on the UI thread, and only while this is still the newest load. */
    public <T> TaskHandle start(String title, Work<T> work, Consumer<T> apply, Consumer<Throwable> fail) {
        return start(title, work, apply, fail, () -> { });
    }

    /**
     * As {@link #start(String, Work, Consumer, Consumer)}, and {@code cancelled} runs when this newest load is cancelled
     * (Esc, or its handle); a load overtaken by a newer one hears nothing more.
     */
    public <T> TaskHandle start(String title, Work<T> work, Consumer<T> apply, Consumer<Throwable> fail, Runnable cancelled) {
        // A newer generation first: cancelling may call the old load back at once, and it must hear nothing.
        long token = ++generation;
        current.cancel();
        loading.set(true);
        TaskSpec.Builder<T> task = runner.task(title, work)
                .onSuccess(value -> {
                    if (token == generation) {
                        loading.set(false);
                        apply.accept(value);
                    }
                })
                .onFailure(error -> {
                    if (token == generation) {
                        loading.set(false);
                        fail.accept(error);
                    }
                })
                .onCancelled(() -> {
                    if (token == generation) {
                        loading.set(false);
                        cancelled.run();
                    }
                });
        current = (quiet ? task.quiet() : task).start();
        return current;
    }

    /** Cancels the running load and drops its answer. */
    public void cancel() {
        generation++;
        current.cancel();
        loading.set(false);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
