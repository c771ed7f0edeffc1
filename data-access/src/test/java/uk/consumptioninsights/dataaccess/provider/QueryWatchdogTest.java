package uk.consumptioninsights.dataaccess.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryWatchdogTest {

    /** A statement that records setQueryTimeout and cancel, as the driver's would receive them. */
    private static final class RecordingStatement {
        final AtomicInteger queryTimeout = new AtomicInteger(-1);
        final CountDownLatch cancelled = new CountDownLatch(1);
        final Statement statement = (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setQueryTimeout" -> queryTimeout.set((Integer) args[0]);
                        case "cancel" -> cancelled.countDown();
                        default -> { }
                    }
                    return null;
                });
    }

    @Test
    void setsTheDriverTimeoutAndCancelsWhenTheDriverDoesNot() throws Exception {
        RecordingStatement recording = new RecordingStatement();
        try (QueryWatchdog watchdog = new QueryWatchdog(Duration.ofMillis(50));
             QueryWatchdog.Guard guard = watchdog.watch(recording.statement, Duration.ofMillis(100))) {
            assertThat(recording.queryTimeout.get()).isEqualTo(1);
            assertThat(recording.cancelled.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(guard.timedOut()).isTrue();
        }
    }

    @Test
    void cancelOnRequestAndNoLateCancelAfterClose() throws Exception {
        RecordingStatement requested = new RecordingStatement();
        RecordingStatement finished = new RecordingStatement();
        try (QueryWatchdog watchdog = new QueryWatchdog(Duration.ZERO)) {
            QueryWatchdog.Guard guard = watchdog.watch(requested.statement, Duration.ofSeconds(60));
            guard.cancel();
            assertThat(requested.cancelled.getCount()).isZero();
            assertThat(guard.cancelled()).isTrue();
            assertThat(guard.timedOut()).isFalse();

            watchdog.watch(finished.statement, Duration.ofMillis(100)).close();
            assertThat(finished.cancelled.await(400, TimeUnit.MILLISECONDS)).isFalse();
        }
    }
}
