package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

/**
 * Fresh download URLs for a snapshot's files: asks the same query again, pinned to the snapshot's version when the
 * table's history is shared (otherwise the latest, which still has the files if the table has not changed), and
 * swaps URLs by file id. Several downloads hitting expired URLs at once cause one re-query, and the number of
 * re-queries is capped.
 */
public final class UrlRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(UrlRefresher.class);

    /** Asks the server for a snapshot. */
    @FunctionalInterface
    public interface Requery {
        TableSnapshot query(SharedTable table, QueryOptions options, Progress progress);
    }

    private final Requery requery;
    private final TableSnapshot snapshot;
    private final int maxRefreshes;
    private final Map<String, SharedFile> current = new HashMap<>();
    private int generation;
    private boolean pinningRefused;

    /** @param needed the snapshot's files still to download; only their URLs are kept fresh */
    public UrlRefresher(Requery requery, TableSnapshot snapshot, List<SharedFile> needed, int maxRefreshes) {
        this.requery = requery;
        this.snapshot = snapshot;
        this.maxRefreshes = maxRefreshes;
        needed.forEach(f -> current.put(f.id(), f));
    }

    /** The file with its newest URL. */
    public synchronized SharedFile current(String fileId) {
        return current.get(fileId);
    }

    /** Counts refreshes; a caller remembers it with the URL it used, so it can tell whether that URL is stale. */
    public synchronized int generation() {
        return generation;
    }

    /**
     * Fetches fresh URLs unless another download already did since {@code seenGeneration}.
     *
     * @throws SharingException STORAGE when the cap is reached, or when a file is no longer in the table
     */
    public synchronized void refresh(int seenGeneration, Progress progress) {
        if (seenGeneration != generation) {
            return;
        }
        if (generation >= maxRefreshes) {
            throw SharingException.of(Category.STORAGE, "The download links for " + snapshot.table().qualifiedName()
                    + " kept expiring or being refused (refreshed " + generation + " times). Check your computer's "
                    + "clock and try again; if it keeps happening, tell your data provider.");
        }
        TableSnapshot fresh = requeryPinned(progress);
        int swapped = 0;
        for (SharedFile file : fresh.files()) {
            SharedFile old = current.get(file.id());
            if (old != null) {
                current.put(file.id(), old.withUrl(file.url(), file.expirationTimestamp()));
                swapped++;
            }
        }
        generation++;
        LOG.info("Refreshed download links for {} (refresh {} of at most {}): {} of {} files",
                snapshot.table().qualifiedName(), generation, maxRefreshes, swapped, current.size());
        if (swapped < current.size()) {
            throw SharingException.of(Category.STORAGE, "The table " + snapshot.table().qualifiedName() + " changed "
                    + "while it was downloading (version " + snapshot.version() + " to " + fresh.version() + "), and "
                    + "its history is not shared, so the old version's files cannot be fetched. Open the table again.");
        }
    }

    private TableSnapshot requeryPinned(Progress progress) {
        QueryOptions options = snapshot.options();
        if (options.version().isEmpty() && !pinningRefused) {
            try {
                return requery.query(snapshot.table(), options.atVersion(snapshot.version()), progress);
            } catch (SharingException e) {
                if (e.category() != Category.BAD_REQUEST) {
                    throw e;
                }
                // Reading by version needs history sharing; without it, the latest snapshot is all there is.
                pinningRefused = true;
            }
        }
        return requery.query(snapshot.table(), options, progress);
    }
}
