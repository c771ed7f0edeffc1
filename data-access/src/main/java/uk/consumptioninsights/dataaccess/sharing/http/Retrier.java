package uk.consumptioninsights.dataaccess.sharing.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.model.work.Progress;

/**
 * Runs an operation again after retryable failures, waiting as the {@link RetryPolicy} and any Retry-After say.
 * Failures that are not retryable (other 4xx, protocol errors) pass straight through; cancellation stops the waits.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** One try of the operation. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run();
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    public Retrier(RetryPolicy policy, Sleeper sleeper) {
        this(policy, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param what the operation in words, for the log ("list the shares") */
    public <T> T run(String what, Progress progress, Attempt<T> attempt) {
        Duration waited = Duration.ZERO;
        for (int number = 1; ; number++) {
            progress.checkCancelled();
            try {
                return attempt.run();
            } catch (SharingException failure) {
                if (!failure.retryable()) {
                    throw failure;
                }
                if (number >= policy.maxAttempts()) {
                    throw number == 1 ? failure : failure.withNote("The workbench tried " + number + " times.");
                }
                Duration wait = delay(failure, number);
                if (waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
                    throw failure.withNote(failure.retryAfter().isPresent()
                            ? "The server asked to wait " + wait.toSeconds() + " s, longer than the workbench waits; "
                            + "try again later."
                            : "The workbench tried " + number + " times.");
                }
                LOG.info("Could not {} (attempt {} of {}): {}; trying again in {} ms", what, number,
                        policy.maxAttempts(), failure.getMessage(), wait.toMillis());
                sleeper.sleep(wait, progress);
                waited = waited.plus(wait);
            }
        }
    }

    private Duration delay(SharingException failure, int number) {
        return failure.retryAfter().orElseGet(() -> policy.backoff(number, random.getAsDouble()));
    }
}
