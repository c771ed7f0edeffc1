package uk.consumptioninsights.dataaccess.sharing.download;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.http.Retrier;
import uk.consumptioninsights.model.work.Progress;

/**
 * Downloads files a few at a time, each with retries and with URL refresh before expiry or after a refusal; all of
 * them or a failure, noticing cancellation while waiting.
 */
public final class ParallelDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelDownloads.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long POLL_MILLIS = 100;

    private final StorageFetcher fetcher;
    private final Retrier retrier;
    private final int parallelism;
    private final Duration refreshMargin;
    private final Clock clock;

    public ParallelDownloads(StorageFetcher fetcher, Retrier retrier, int parallelism, Duration refreshMargin,
                             Clock clock) {
        this.fetcher = fetcher;
        this.retrier = retrier;
        this.parallelism = parallelism;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    /**
     * @param missing  the files to download, each id once
     * @param targetOf where a file goes
     * @return the bytes downloaded
     */
    long fetchAll(List<SharedFile> missing, Function<SharedFile, Path> targetOf, UrlRefresher refresher,
                  ByteProgress bytes, Progress progress) {
        if (missing.isEmpty()) {
            return 0;
        }
        long downloaded = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, missing.size()), daemonThreads());
        ExecutorCompletionService<Long> completions = new ExecutorCompletionService<>(pool);
        try {
            for (SharedFile file : missing) {
                Path target = targetOf.apply(file);
                completions.submit(() -> fetchOne(file.id(), target, refresher, bytes, progress));
            }
            for (int finished = 0; finished < missing.size(); finished++) {
                downloaded += next(completions, progress);
            }
            return downloaded;
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Waits for the next finished download, rethrowing its failure; notices cancellation while waiting. */
    private static long next(ExecutorCompletionService<Long> completions, Progress progress) {
        try {
            Future<Long> done = null;
            while (done == null) {
                progress.checkCancelled();
                done = completions.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private long fetchOne(String fileId, Path target, UrlRefresher refresher, ByteProgress bytes,
                          Progress progress) {
        boolean refreshedForExpiry = false;
        while (true) {
            progress.checkCancelled();
            int generation = refresher.generation();
            SharedFile file = refresher.current(fileId);
            Instant soon = clock.instant().plus(refreshMargin);
            // Only once per file: with a skewed clock every URL looks expired, and the storage's answer decides.
            if (!refreshedForExpiry && file.urlExpiresBefore(soon)) {
                refreshedForExpiry = true;
                refresher.refresh(generation, progress);
                continue;
            }
            try {
                long written = retrier.run("download file " + fileId, progress,
                        () -> fetcher.fetch(file, target, progress, bytes::bytes));
                bytes.fileDone(0);
                return written;
            } catch (SharingException failure) {
                if (!StorageFetcher.isUrlRefusal(failure)) {
                    throw failure;
                }
                refresher.refresh(generation, progress);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "delta-sharing-download-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Some downloads did not stop within 10 s of being cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
