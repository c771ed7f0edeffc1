package uk.consumptioninsights.dataaccess.sharing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.model.work.Progress;

class RetrierTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper fakeSleeper = (duration, progress) -> waits.add(duration);

    private static SharingException busy(Duration retryAfter) {
        return SharingException.http(Category.SERVER, "busy", 503, true, null, retryAfter);
    }

    private static RetryPolicy policy(int attempts, Duration totalWait) {
        return new RetryPolicy(attempts, Duration.ofMillis(100), Duration.ofSeconds(1), totalWait, 0.5);
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterShorteningEachWait() {
        RetryPolicy policy = policy(10, Duration.ofMinutes(1));

        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(5, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(60, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
    }

    @Test
    void retriesRetryableFailuresWithGrowingWaitsThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(policy(5, Duration.ofMinutes(1)), fakeSleeper, () -> 0);

        String result = retrier.run("test", Progress.NONE, () -> {
            if (calls.incrementAndGet() < 4) {
                throw busy(null);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void retriesAreLoggedWithTheUserMessageOnly() {
        assertThat(uk.consumptioninsights.dataaccess.sharing.CapturedLogs.installed()).isTrue();
        uk.consumptioninsights.dataaccess.sharing.CapturedLogs.clear();
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(policy(3, Duration.ofMinutes(1)), fakeSleeper, () -> 0);

        retrier.run("list the shares", Progress.NONE, () -> {
            if (calls.incrementAndGet() == 1) {
                throw busy(null);
            }
            return null;
        });

        assertThat(uk.consumptioninsights.dataaccess.sharing.CapturedLogs.events()).anySatisfy(e -> assertThat(e)
                .contains("Could not list the shares (attempt 1 of 3): busy; trying again in 100 ms"));
    }

    @Test
    void honoursRetryAfterInsteadOfBackoff() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(policy(5, Duration.ofMinutes(1)), fakeSleeper, () -> 0);

        retrier.run("test", Progress.NONE, () -> {
            if (calls.incrementAndGet() == 1) {
                throw busy(Duration.ofSeconds(7));
            }
            return null;
        });

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void givesUpAfterMaxAttemptsSayingHowOftenItTried() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(policy(3, Duration.ofMinutes(1)), fakeSleeper, () -> 0);

        assertThatThrownBy(() -> retrier.run("test", Progress.NONE, () -> {
            calls.incrementAndGet();
            throw busy(null);
        })).isInstanceOf(SharingException.class).hasMessage("busy The workbench tried 3 times.");
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void givesUpRatherThanExceedTheTotalWait() {
        Retrier retrier = new Retrier(policy(10, Duration.ofSeconds(5)), fakeSleeper, () -> 0);

        assertThatThrownBy(() -> retrier.run("test", Progress.NONE, () -> {
            throw busy(Duration.ofSeconds(60));
        })).isInstanceOf(SharingException.class).hasMessageContaining("asked to wait 60 s");
        assertThat(waits).isEmpty();
    }

    @Test
    void neverRetriesWhatIsNotRetryable() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(policy(5, Duration.ofMinutes(1)), fakeSleeper, () -> 0);

        assertThatThrownBy(() -> retrier.run("test", Progress.NONE, () -> {
            calls.incrementAndGet();
            throw SharingException.http(Category.NOT_FOUND, "gone", 404, false, null, null);
        })).hasMessage("gone");
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void cancellationStopsBetweenAttempts() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            public void report(double fraction, String message) {
            }

            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        Retrier retrier = new Retrier(policy(5, Duration.ofMinutes(1)), (d, p) -> cancelled.set(true), () -> 0);

        assertThatThrownBy(() -> retrier.run("test", progress, () -> {
            throw busy(null);
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void theSystemSleeperWakesUpWhenCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            public void report(double fraction, String message) {
            }

            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            cancelled.set(true);
        }).start();
        long start = System.nanoTime();

        assertThatThrownBy(() -> Sleeper.SYSTEM.sleep(Duration.ofSeconds(30), progress))
                .isInstanceOf(CancellationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterHeaderForms() {
        java.time.Instant now = java.time.Instant.parse("2030-06-01T12:00:00Z");
        assertThat(RetryAfter.parse("120", now)).hasValue(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Sat, 01 Jun 2030 12:01:00 GMT", now)).hasValue(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Sat, 01 Jun 2030 11:00:00 GMT", now)).hasValue(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
