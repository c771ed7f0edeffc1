package uk.consumptioninsights.dataaccess.sharing.http;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import uk.consumptioninsights.model.work.Progress;

/** Waits between retries; injectable so tests need not wait, and every wait ends early when the user cancels. */
@FunctionalInterface
public interface Sleeper {

    /** Checks for cancellation this often while waiting. */
    Duration CANCEL_CHECK = Duration.ofMillis(100);

    /** @throws CancellationException when the user cancels or the thread is interrupted while waiting */
    void sleep(Duration duration, Progress progress);

    Sleeper SYSTEM = (duration, progress) -> {
        long end = System.nanoTime() + duration.toNanos();
        while (true) {
            progress.checkCancelled();
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(left, CANCEL_CHECK.toNanos()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Cancelled by the user");
            }
        }
    };
}
