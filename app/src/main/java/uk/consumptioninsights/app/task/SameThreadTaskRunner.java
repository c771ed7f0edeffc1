package uk.consumptioninsights.app.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.model.work.Progress;

/**
 * Runs work on the calling thread, for view-model tests without the toolkit. In immediate mode a task is over when
 * {@link #start} returns; in deferred mode tasks wait until the test calls {@link #runNext()} or {@link #runAll()},
 * so a test can cancel, or start newer work, while older work is still pending.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SameThreadTaskRunner.class);

    private final boolean deferred;
    private final TaskActivity activity = new TaskActivity();
    private final Deque<Job<?>> pending = new ArrayDeque<>();
    private final List<Job<?>> running = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    private SameThreadTaskRunner(boolean deferred) {
        this.deferred = deferred;
    }

    public static SameThreadTaskRunner immediate() {
        return new SameThreadTaskRunner(false);
    }

    public static SameThreadTaskRunner deferred() {
        return new SameThreadTaskRunner(true);
    }

    @Override
    public <T> TaskHandle start(TaskSpec<T> spec) {
        Job<T> job = new Job<>(spec, activity.begin(spec.title(), spec.quiet()));
        started.add(spec.title());
        if (deferred) {
            pending.add(job);
        } else {
            job.run();
        }
        return job;
    }

    /** Runs the oldest pending task; false when there was none. */
    public boolean runNext() {
        Job<?> job = pending.poll();
        if (job == null) {
            return false;
        }
        job.run();
        return true;
    }

    /** Runs pending tasks, including ones their callbacks start, until none is left. */
    public void runAll() {
        while (runNext()) {
            // keep going
        }
    }

    public int pendingCount() {
        return pending.size();
    }

    /** Titles of every task started so far, oldest first. */
    public List<String> startedTitles() {
        return List.copyOf(started);
    }

    @Override
    public TaskActivity activity() {
        return activity;
    }

    @Override
    public void cancelAll() {
        for (Job<?> job : List.copyOf(pending)) {
            job.cancel();
        }
        for (Job<?> job : List.copyOf(running)) {
            job.cancel();
        }
    }

    private final class Job<T> implements TaskHandle {
        private final TaskSpec<T> spec;
        private final TaskActivity.Entry entry;
        private boolean cancelled;
        private boolean done;

        Job(TaskSpec<T> spec, TaskActivity.Entry entry) {
            this.spec = spec;
            this.entry = entry;
        }

        void run() {
            if (done) {
                return;
            }
            if (cancelled) {
                finish(spec.onCancelled());
                return;
            }
            running.add(this);
            T value;
            try {
                value = spec.work().run(new Progress() {
                    @Override
                    public void report(double fraction, String message) {
                        activity.update(entry, fraction, message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled;
                    }
                });
            } catch (CancellationException e) {
                running.remove(this);
                finish(spec.onCancelled());
                return;
            } catch (Exception e) {
                running.remove(this);
                LOG.warn("Background task '{}' failed", spec.title(), e);
                finish(cancelled ? spec.onCancelled() : () -> spec.onFailure().accept(e));
                return;
            }
            running.remove(this);
            finish(cancelled ? spec.onCancelled() : () -> spec.onSuccess().accept(value));
        }

        private void finish(Runnable callback) {
            done = true;
            pending.remove(this);
            try {
                callback.run();
            } finally {
                activity.end(entry);
            }
        }

        @Override
        public void cancel() {
            if (done) {
                return;
            }
            cancelled = true;
            if (pending.contains(this)) {
                finish(spec.onCancelled());
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
