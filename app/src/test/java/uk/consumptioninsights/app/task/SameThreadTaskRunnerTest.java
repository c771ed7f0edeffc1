package uk.consumptioninsights.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SameThreadTaskRunnerTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void immediateRunsWorkAndCallsBackBeforeReturning() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();

        TaskHandle handle = runner.task("t", p -> 42).onSuccess(v -> events.add("ok " + v)).start();

        assertThat(events).containsExactly("ok 42");
        assertThat(handle.isDone()).isTrue();
        assertThat(runner.activity().inFlight()).isZero();
    }

    @Test
    void failureGoesToTheFailureCallback() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();

        runner.task("t", p -> {
            throw new IllegalStateException("boom");
        }).onSuccess(v -> events.add("ok")).onFailure(e -> events.add("failed " + e.getMessage())).start();

        assertThat(events).containsExactly("failed boom");
    }

    @Test
    void cancellationFromInsideTheWorkIsACancelNotAFailure() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();

        runner.task("t", p -> {
            runner.cancelAll();
            p.checkCancelled();
            return 1;
        }).onSuccess(v -> events.add("ok")).onFailure(e -> events.add("failed")).onCancelled(() -> events.add("cancelled")).start();

        assertThat(events).containsExactly("cancelled");
    }

    @Test
    void deferredTasksWaitAndCanBeCancelledBeforeTheyRun() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        TaskHandle first = runner.task("first", p -> "a").onSuccess(events::add).onCancelled(() -> events.add("first cancelled")).start();
        runner.task("second", p -> "b").onSuccess(events::add).start();
        assertThat(runner.pendingCount()).isEqualTo(2);
        assertThat(runner.activity().isRunning()).isTrue();
        assertThat(runner.activity().messageProperty().get()).isEqualTo("second");

        first.cancel();
        runner.runAll();

        assertThat(events).containsExactly("first cancelled", "b");
        assertThat(runner.activity().isRunning()).isFalse();
    }

    @Test
    void quietTasksCountAsInFlightButStayOutOfTheStatusBar() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        runner.task("resample", p -> 1).quiet().start();

        assertThat(runner.activity().inFlight()).isEqualTo(1);
        assertThat(runner.activity().isRunning()).isFalse();
        assertThat(runner.activity().messageProperty().get()).isEqualTo(TaskActivity.IDLE_MESSAGE);
        runner.runAll();
        assertThat(runner.activity().inFlight()).isZero();
    }

    @Test
    void checkCancelledThrowsTheStandardCancellation() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        Throwable[] seen = new Throwable[1];
        runner.task("t", p -> {
            runner.cancelAll();
            try {
                p.checkCancelled();
            } catch (CancellationException e) {
                seen[0] = e;
                throw e;
            }
            return 0;
        }).start();
        assertThat(seen[0]).isInstanceOf(CancellationException.class);
    }
}
