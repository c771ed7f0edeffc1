package uk.consumptioninsights.app.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to run and what to do afterwards. Callbacks run on the UI thread of the runner (the FX thread for
 * {@link FxTaskRunner}); exactly one of them runs, unless the task was cancelled and has no cancel callback.
 *
 * @param title     shown in the status bar while the task runs
 * @param quiet     true for short, frequent work (re-downsampling on zoom) that should not take over the status bar
 */
public record TaskSpec<T>(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                          Runnable onCancelled, boolean quiet) {

    public TaskSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(work, "work");
        onSuccess = onSuccess == null ? value -> { } : onSuccess;
        onFailure = onFailure == null ? error -> { } : onFailure;
        onCancelled = onCancelled == null ? () -> { } : onCancelled;
    }

    /** Fluent construction, in the spirit of Cryptomator's {@code Tasks.create(..).onSuccess(..).runOnce(..)}. */
    public static final class Builder<T> {

        private final TaskRunner runner;
        private final String title;
        private final Work<T> work;
        private Consumer<? super T> onSuccess;
        private Consumer<Throwable> onFailure;
        private Runnable onCancelled;
        private boolean quiet;

        Builder(TaskRunner runner, String title, Work<T> work) {
            this.runner = runner;
            this.title = title;
            this.work = work;
        }

        public Builder<T> onSuccess(Consumer<? super T> callback) {
            this.onSuccess = callback;
            return this;
        }

        public Builder<T> onFailure(Consumer<Throwable> callback) {
            this.onFailure = callback;
            return this;
        }

        public Builder<T> onCancelled(Runnable callback) {
            this.onCancelled = callback;
            return this;
        }

        public Builder<T> quiet() {
            this.quiet = true;
            return this;
        }

        public TaskHandle start() {
            return runner.start(new TaskSpec<>(title, work, onSuccess, onFailure, onCancelled, quiet));
        }
    }
}
