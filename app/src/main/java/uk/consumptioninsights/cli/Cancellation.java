package uk.consumptioninsights.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for the command line: the JVM's shutdown hook asks the running command to stop at its next safe point (the
 * same cancellation as the window's Esc, so an import removes its half-built workspace and a rescoring keeps the
 * previous detections) and waits a while for it to finish before the JVM exits.
 */
final class Cancellation {

    /** How long Ctrl-C waits for the work to stop cleanly before the JVM goes anyway. */
    private static final long GRACE_SECONDS = 30;

    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);

    boolean requested() {
        return requested;
    }

    /** Asks the running command to stop at its next safe point. */
    void cancel() {
        requested = true;
    }

    /** Installs the hook: for the real process only, never in tests. */
    void onShutdown() {
        Thread hook = new Thread(() -> {
            if (finished.getCount() == 0) {
                return;
            }
            cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ciw-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has returned: the hook need not wait. */
    void finished() {
        finished.countDown();
    }
}
