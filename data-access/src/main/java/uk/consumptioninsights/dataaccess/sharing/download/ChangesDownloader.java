package uk.consumptioninsights.dataaccess.sharing.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.ChangeRange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.model.work.Progress;

/**
 * Brings every file of a change data feed answer to local disk, in the table's {@code changes} folder: a file that
 * appears twice (added by one commit, removed by a later one) is fetched once; a file already there, or already in
 * the table's snapshot cache, is not fetched again. Expired URLs are renewed by asking for the same versions again.
 * Complete or a failure, never partial.
 */
public final class ChangesDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ChangesDownloader.class);

    /** Asks the server for the changes of a range of versions. */
    @FunctionalInterface
    public interface Reask {
        TableChanges changes(SharedTable table, ChangeRange range, Progress progress);
    }

    private final TableCache cache;
    private final ParallelDownloads downloads;
    private final Reask changeFeed;
    private final Reask dataChanges;
    private final int maxUrlRefreshes;

    /**
     * @param changeFeed  asks {@code /changes} for a range of versions
     * @param dataChanges asks a query from a starting version for the same range
     */
    public ChangesDownloader(TableCache cache, ParallelDownloads downloads, Reask changeFeed, Reask dataChanges,
                             int maxUrlRefreshes) {
        this.cache = cache;
        this.downloads = downloads;
        this.changeFeed = changeFeed;
        this.dataChanges = dataChanges;
        this.maxUrlRefreshes = maxUrlRefreshes;
    }

    public DownloadedChanges download(TableChanges changes, Progress progress) {
        String tableId = changes.metadata().tableId();
        ReentrantLock lock = cache.hold(tableId);
        try {
            Path dir = cache.changesDir(tableId);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw cache.unwritable(e);
            }
            Map<String, SharedFile> distinct = distinctFiles(changes);
            List<SharedFile> missing = new ArrayList<>();
            long presentBytes = 0;
            int present = 0;
            for (SharedFile file : distinct.values()) {
                Path target = dir.resolve(TableCache.fileName(file.id()));
                if (TableCache.isComplete(target, file.size()) || copiedFromSnapshotCache(tableId, file, target)) {
                    present++;
                    presentBytes += file.size();
                } else {
                    missing.add(file);
                }
            }
            long total = distinct.values().stream().mapToLong(SharedFile::size).sum();
            ByteProgress bytes = new ByteProgress(progress, distinct.size(), total);
            bytes.alreadyDone(present, presentBytes);
            bytes.report();
            long downloaded = 0;
            if (!missing.isEmpty()) {
                UrlRefresher refresher = new UrlRefresher(new ChangeLinks(changeFeed, dataChanges, changes),
                        changes.table().qualifiedName(), missing, maxUrlRefreshes);
                downloaded = downloads.fetchAll(missing, file -> dir.resolve(TableCache.fileName(file.id())),
                        refresher, bytes, progress);
            }
            List<DownloadedChange> files = new ArrayList<>();
            for (ChangeFile change : changes.files()) {
                files.add(new DownloadedChange(change, dir.resolve(TableCache.fileName(change.file().id()))));
            }
            LOG.info("Changes of {} versions {} to {} are on disk: {} files, {} downloaded ({} bytes), {} already "
                            + "there", changes.table().qualifiedName(), changes.startingVersion(),
                    changes.endingVersion(), distinct.size(), missing.size(), downloaded, present);
            return new DownloadedChanges(changes, files, downloaded);
        } finally {
            lock.unlock();
        }
    }

    /** Each file once; the same id with two sizes is a server contradicting itself. */
    private static Map<String, SharedFile> distinctFiles(TableChanges changes) {
        Map<String, SharedFile> distinct = new LinkedHashMap<>();
        for (ChangeFile change : changes.files()) {
            SharedFile file = change.file();
            SharedFile earlier = distinct.putIfAbsent(file.id(), file);
            if (earlier != null && earlier.size() != file.size()) {
                throw SharingException.of(Category.PROTOCOL, "The sharing server's changes of "
                        + changes.table().qualifiedName() + " give file " + file.id() + " two sizes (" + earlier.size()
                        + " and " + file.size() + " bytes), so it cannot be checked. Tell your data provider; trying "
                        + "again will not help.");
            }
        }
        return distinct;
    }

    /** A data file the snapshot cache already holds is copied (linked where possible) rather than downloaded. */
    private boolean copiedFromSnapshotCache(String tableId, SharedFile file, Path target) {
        Path cached = cache.tableDir(tableId).resolve(TableCache.fileName(file.id()));
        if (!TableCache.isComplete(cached, file.size())) {
            return false;
        }
        Path temporary = TableCache.temporaryFor(target);
        try {
            try {
                Files.createLink(temporary, cached);
            } catch (IOException | UnsupportedOperationException linksNotPossible) {
                Files.copy(cached, temporary);
            }
            TableCache.moveIntoPlace(temporary, target);
            return TableCache.isComplete(target, file.size());
        } catch (IOException e) {
            TableCache.deleteQuietly(temporary);
            LOG.debug("Could not reuse cached file {}: {}", file.id(), e.toString());
            return false;
        }
    }
}
