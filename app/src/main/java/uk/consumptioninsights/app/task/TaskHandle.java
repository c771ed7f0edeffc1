package uk.consumptioninsights.app.task;

/** A started task: cancel it, or ask whether it is over. */
public interface TaskHandle {

    /** A handle for work that was never started. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /** Asks the work to stop; its success and failure callbacks will not run. Safe to call more than once. */
    void cancel();

    /** True once the task succeeded, failed or was cancelled. */
    boolean isDone();
}
