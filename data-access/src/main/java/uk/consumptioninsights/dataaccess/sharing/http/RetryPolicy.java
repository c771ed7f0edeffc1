package uk.consumptioninsights.dataaccess.sharing.http;

import java.time.Duration;

/**
 * How hard to try again after a retryable failure (429, 5xx, broken connection): exponential backoff with jitter,
 * capped per wait, in attempts and in total waiting, so a dead server fails in bounded time.
 *
 * @param maxAttempts    attempts in all, the first included
 * @param initialBackoff the wait before the first retry, doubled for each further one
 * @param maxBackoff     the longest single computed wait (a server's Retry-After may ask for longer)
 * @param maxTotalWait   the most time spent waiting across all retries of one operation
 * @param jitter         0..1: each wait is shortened by up to this share, so clients do not retry in step
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalWait,
                          double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("Jitter is a share between 0 and 1");
        }
    }

    /** Four retries starting at half a second, at most 30 s each and two minutes in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2), 0.5);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param random a value in [0, 1) choosing how much jitter to apply
     */
    public Duration backoff(int retry, double random) {
        long cap = maxBackoff.toMillis();
        long base = initialBackoff.toMillis();
        for (int i = 1; i < retry && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        return Duration.ofMillis(Math.round(base * (1 - jitter * random)));
    }
}
