package uk.consumptioninsights.app.task;

import java.util.concurrent.Callable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The FX runner on the real (headless) toolkit: work off the FX thread, callbacks on it, cancel. */
class FxTaskRunnerTest {

    private final FxTaskRunner runner = new FxTaskRunner(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void worksOffTheFxThreadAndCallsBackOnIt() throws Exception {
        AtomicReference<String> workThread = new AtomicReference<>();
        CompletableFuture<String> result = new CompletableFuture<>();
        CompletableFuture<String> progressSeen = new CompletableFuture<>();
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);

        Platform.runLater(() -> runner.task("Counting", p -> {
            workThread.set(Thread.currentThread().getName() + " fx=" + Platform.isFxApplicationThread());
            p.report(0.5, "Half way");
            reported.countDown();
            proceed.await(10, TimeUnit.SECONDS);
            return 7;
        }).onSuccess(v -> result.complete(v + " fx=" + Platform.isFxApplicationThread())).start());

        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Half way".equals(fx(() -> runner.activity().messageProperty().get())));
        progressSeen.complete(fx(() -> runner.activity().progressProperty().get() + " running=" + runner.activity().isRunning()));
        proceed.countDown();

        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("7 fx=true");
        assertThat(workThread.get()).startsWith("ciw-worker-").endsWith("fx=false");
        assertThat(progressSeen.get()).isEqualTo("0.5 running=true");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> runner.activity().inFlight()) == 0);
        assertThat(fx(() -> runner.activity().messageProperty().get())).isEqualTo(TaskActivity.IDLE_MESSAGE);
    }

    @Test
    void cancelStopsTheWorkAndSkipsSuccess() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        Platform.runLater(() -> runner.task("Endless", p -> {
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.onSpinWait();
            }
        }).onSuccess(v -> outcome.complete("success")).onFailure(e -> outcome.complete("failure"))
                .onCancelled(() -> outcome.complete("cancelled fx=" + Platform.isFxApplicationThread())).start());

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        runner.cancelAll();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled fx=true");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> runner.activity().inFlight()) == 0);
    }

    @Test
    void failureArrivesOnTheFxThread() throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        runner.task("Failing", p -> {
            throw new IllegalStateException("boom");
        }).onFailure(e -> outcome.complete(e.getMessage() + " fx=" + Platform.isFxApplicationThread())).start();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("boom fx=true");
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
