package uk.consumptioninsights.dataaccess.sharing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StallGuardTest {

    /** Blocks until closed, then behaves like a stream that simply ended (as Java's HTTP body stream does). */
    private static final class Hanging extends InputStream {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public int read() throws IOException {
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void aStalledBodyFailsWithATimeoutNotAQuietEnd() throws IOException {
        long start = System.nanoTime();
        try (StallGuard guarded = new StallGuard(new Hanging(), Duration.ofMillis(200), Duration.ofMinutes(1),
                System.nanoTime())) {
            assertThatThrownBy(guarded::read).isInstanceOf(HttpTimeoutException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFlowingBodyIsReadUntouched() throws IOException {
        try (StallGuard guarded = new StallGuard(new ByteArrayInputStream(new byte[100_000]), Duration.ofSeconds(5),
                Duration.ofMinutes(1), System.nanoTime())) {
            assertThat(guarded.readAllBytes()).hasSize(100_000);
        }
    }

    /** Never idle: a byte every 10 ms, for ever. */
    private static final class Trickling extends InputStream {
        @Override
        public int read() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            buffer[offset] = (byte) read();
            return 1;
        }
    }

    @Test
    void aBodyThatNeverStallsStillEndsAtTheDeadlineNamingIt() throws IOException {
        try (StallGuard guarded = new StallGuard(new Trickling(), Duration.ofSeconds(30), Duration.ofMillis(300),
                System.nanoTime())) {
            assertThatThrownBy(guarded::readAllBytes).isInstanceOf(CallDeadlineExceeded.class)
                    .hasMessageContaining("within 300 ms")
                    .satisfies(e -> assertThat(((CallDeadlineExceeded) e).limit()).isEqualTo(Duration.ofMillis(300)));
        }
    }
}
