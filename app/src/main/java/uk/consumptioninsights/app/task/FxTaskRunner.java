package uk.consumptioninsights.app.task;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.model.work.Progress;

/**
 * Runs work as {@link Task}s on a small pool of daemon threads. Callbacks, progress and messages arrive on the FX
 * thread. Failures are logged here with their stack trace; callers show only a message.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService pool;
    private final TaskActivity activity = new TaskActivity();
    private final Set<WorkTask<?>> live = ConcurrentHashMap.newKeySet();

    public FxTaskRunner(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "ciw-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> TaskHandle start(TaskSpec<T> spec) {
        if (!Platform.isFxApplicationThread()) {
            DeferredHandle deferred = new DeferredHandle();
            Platform.runLater(() -> deferred.attach(start(spec)));
            return deferred;
        }
        WorkTask<T> task = new WorkTask<>(spec);
        TaskActivity.Entry entry = activity.begin(spec.title(), spec.quiet());
        task.messageProperty().addListener((o, old, message) -> activity.update(entry, -1, message));
        task.progressProperty().addListener((o, old, value) -> activity.update(entry, value.doubleValue(), null));
        task.setOnSucceeded(e -> finish(task, entry, () -> spec.onSuccess().accept(task.getValue())));
        task.setOnCancelled(e -> finish(task, entry, spec.onCancelled()));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            if (error instanceof CancellationException) {
                finish(task, entry, spec.onCancelled());
            } else {
                LOG.warn("Background task '{}' failed", spec.title(), error);
                finish(task, entry, () -> spec.onFailure().accept(error));
            }
        });
        live.add(task);
        pool.execute(task);
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    private void finish(WorkTask<?> task, TaskActivity.Entry entry, Runnable callback) {
        live.remove(task);
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("Callback of background task '{}' failed", task.title(), e);
        } finally {
            // After the callback, so tasks it starts are counted before this one stops counting.
            activity.end(entry);
        }
    }

    @Override
    public TaskActivity activity() {
        return activity;
    }

    @Override
    public void cancelAll() {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(this::cancelAll);
            return;
        }
        for (WorkTask<?> task : Set.copyOf(live)) {
            task.cancel(true);
        }
    }

    /** Cancels everything and stops the pool, waiting a little for work to reach a safe point. */
    @Override
    public void close() {
        for (WorkTask<?> task : Set.copyOf(live)) {
            task.cancel(true);
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Background work did not stop within 5 s; leaving it to end with the JVM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class WorkTask<T> extends Task<T> {

        private final TaskSpec<T> spec;

        WorkTask(TaskSpec<T> spec) {
            this.spec = spec;
            updateMessage(spec.title());
        }

        String title() {
            return spec.title();
        }

        @Override
        protected T call() throws Exception {
            WorkTask<T> task = this;
            Progress progress = new Progress() {
                @Override
                public void report(double fraction, String message) {
                    task.updateProgress(Math.max(0, Math.min(1, fraction)), 1);
                    if (message != null) {
                        task.updateMessage(message);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return task.isCancelled();
                }
            };
            return spec.work().run(progress);
        }
    }

    /** For tasks started off the FX thread: cancel works before and after the task really starts. */
    private static final class DeferredHandle implements TaskHandle {
        private TaskHandle target;
        private boolean cancelled;

        synchronized void attach(TaskHandle handle) {
            target = handle;
            if (cancelled) {
                handle.cancel();
            }
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            if (target != null) {
                target.cancel();
            }
        }

        @Override
        public synchronized boolean isDone() {
            return target != null && target.isDone();
        }
    }
}
