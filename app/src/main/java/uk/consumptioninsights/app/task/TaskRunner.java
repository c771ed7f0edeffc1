package uk.consumptioninsights.app.task;

/**
 * Runs {@link Work} off the UI thread and calls back on it. View-models depend on this interface only, so they run
 * unchanged on the FX implementation in the app and on {@link SameThreadTaskRunner} in tests without the toolkit.
 */
public interface TaskRunner {

    <T> TaskHandle start(TaskSpec<T> spec);

    /** What is running now, for the status bar. Read it on the runner's UI thread. */
    TaskActivity activity();

    /** Cancels every task that is queued or running (the status bar's Cancel button and Esc). */
    void cancelAll();

    default <T> TaskSpec.Builder<T> task(String title, Work<T> work) {
        return new TaskSpec.Builder<>(this, title, work);
    }
}
