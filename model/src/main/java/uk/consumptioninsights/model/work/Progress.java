package uk.consumptioninsights.model.work;

import java.util.concurrent.CancellationException;

/** Where long-running work reports how far it has got, and learns whether the user cancelled it. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void report(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction 0..1 of the whole piece of work */
    void report(double fraction, String message);

    boolean isCancelled();

    /** Stops the work at a safe point when the user has cancelled. */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled by the user");
        }
    }

    /** A view of this progress that maps 0..1 onto [from, to] of the parent. */
    default Progress slice(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                parent.report(from + (to - from) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
