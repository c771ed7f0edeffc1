package uk.consumptioninsights.dataaccess.sharing.download;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.DownloadedFile;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

/**
 * Brings every file of a snapshot to local disk: files already cached (same id, same size) are reused, the rest are
 * downloaded a few at a time, with retries, URL refresh before expiry or after a refusal, and progress by bytes. The
 * version's manifest is written only after every file is in place, so a failed or cancelled download never leaves a
 * table that looks complete.
 */
public final class SnapshotDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDownloader.class);

    private final TableCache cache;
    private final ParallelDownloads downloads;
    private final UrlRefresher.Requery requery;
    private final UrlRefresher.Renewal renewal;
    private final String endpoint;
    private final int maxUrlRefreshes;
    private final Clock clock;

    /** @param endpoint the sharing server's base URL, recorded in manifests so providers never mix */
    public SnapshotDownloader(TableCache cache, ParallelDownloads downloads, UrlRefresher.Requery requery,
                              UrlRefresher.Renewal renewal, String endpoint, int maxUrlRefreshes, Clock clock) {
        this.cache = cache;
        this.downloads = downloads;
        this.requery = requery;
        this.renewal = renewal;
        this.endpoint = endpoint;
        this.maxUrlRefreshes = maxUrlRefreshes;
        this.clock = clock;
    }

    public DownloadedTable download(TableSnapshot snapshot, Progress progress) {
        String tableId = snapshot.metadata().tableId();
        ReentrantLock lock = cache.hold(tableId);
        try {
            cache.prepare(tableId);
            Path dir = cache.tableDir(tableId);
            Map<String, SharedFile> missing = new LinkedHashMap<>();
            List<DownloadedFile> files = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            long cachedBytes = 0;
            int cachedFiles = 0;
            for (SharedFile file : snapshot.files()) {
                Path path = dir.resolve(TableCache.fileName(file.id()));
                names.put(file.id(), path.getFileName().toString());
                boolean cached = !missing.containsKey(file.id()) && TableCache.isComplete(path, file.size());
                if (cached) {
                    cachedFiles++;
                    cachedBytes += file.size();
                } else {
                    missing.put(file.id(), file);
                }
                files.add(new DownloadedFile(file, path, cached));
            }
            ByteProgress bytes = new ByteProgress(progress, snapshot.files().size(), snapshot.totalBytes());
            bytes.alreadyDone(cachedFiles, cachedBytes);
            bytes.report();
            long downloaded = fetchAll(snapshot, new ArrayList<>(missing.values()), dir, bytes, progress);
            CacheManifest manifest = new CacheManifest(endpoint, snapshot, names, clock.instant());
            cache.write(tableId, manifest);
            cache.prune(tableId, manifest);
            LOG.info("Table {} version {} is on disk: {} files, {} downloaded ({} bytes), {} from the cache",
                    snapshot.table().qualifiedName(), snapshot.version(), files.size(), missing.size(), downloaded,
                    cachedFiles);
            return new DownloadedTable(snapshot, files, downloaded, cachedFiles);
        } finally {
            lock.unlock();
        }
    }

    /** The newest completely cached version of the table for these options, read from disk only. */
    public Optional<DownloadedTable> openCached(SharedTable table, QueryOptions options) {
        Optional<CacheManifest> found = cache.newest(endpoint, table, options.subsetKey(), options.version());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CacheManifest manifest = found.get();
        String tableId = manifest.snapshot().metadata().tableId();
        ReentrantLock lock = cache.lock(tableId);
        lock.lock();
        try {
            Path dir = cache.tableDir(tableId);
            List<DownloadedFile> files = new ArrayList<>();
            for (SharedFile file : manifest.snapshot().files()) {
                Path path = dir.resolve(manifest.fileNames().get(file.id()));
                if (!TableCache.isComplete(path, file.size())) {
                    LOG.warn("Cached table {} version {} is missing file {}; it must be downloaded again",
                            table.qualifiedName(), manifest.snapshot().version(), file.id());
                    return Optional.empty();
                }
                files.add(new DownloadedFile(file, path, true));
            }
            return Optional.of(new DownloadedTable(manifest.snapshot(), files, 0, files.size()));
        } finally {
            lock.unlock();
        }
    }

    private long fetchAll(TableSnapshot snapshot, List<SharedFile> missing, Path dir, ByteProgress bytes,
                          Progress progress) {
        if (missing.isEmpty()) {
            return 0;
        }
        UrlRefresher refresher = new UrlRefresher(new SnapshotLinks(requery, renewal, snapshot),
                snapshot.table().qualifiedName(), missing, maxUrlRefreshes);
        return downloads.fetchAll(missing, file -> dir.resolve(TableCache.fileName(file.id())), refresher, bytes,
                progress);
    }
}
