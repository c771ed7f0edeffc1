package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Fresh download URLs for files still to download: asks the server the same question again ({@link FreshLinks}) and
 * swaps URLs by file id. Several downloads hitting expired URLs at once cause one re-ask, and the number of re-asks is
 * capped.
 */
public final class UrlRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(UrlRefresher.class);

    /** Asks the server for a snapshot. */
    @FunctionalInterface
    public interface Requery {
        TableSnapshot query(SharedTable table, QueryOptions options, Progress progress);
    }

    /** Asks the server for the same files as an earlier answer, through that answer's refresh token. */
    @FunctionalInterface
    public interface Renewal {
        TableSnapshot renew(SharedTable table, QueryOptions options, String refreshToken, Progress progress);
    }

    private final FreshLinks links;
    private final String tableName;
    private final int maxRefreshes;
    private final Map<String, SharedFile> current = new HashMap<>();
    private int generation;

    /** @param needed the files still to download; only their URLs are kept fresh */
    public UrlRefresher(FreshLinks links, String tableName, List<SharedFile> needed, int maxRefreshes) {
        this.links = links;
        this.tableName = tableName;
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
     * @throws SharingException STORAGE when the cap is reached, or when a file is no longer listed
     */
    public synchronized void refresh(int seenGeneration, Progress progress) {
        if (seenGeneration != generation) {
            return;
        }
        if (generation >= maxRefreshes) {
            throw SharingException.of(Category.STORAGE, "The download links for " + tableName + " kept expiring or "
                    + "being refused (refreshed " + generation + " times). Check your computer's clock and try "
                    + "again; if it keeps happening, tell your data provider.");
        }
        Map<String, SharedFile> fresh = new HashMap<>();
        links.ask(Set.copyOf(current.keySet()), progress).forEach(f -> fresh.put(f.id(), f));
        int swapped = 0;
        for (Map.Entry<String, SharedFile> entry : current.entrySet()) {
            SharedFile renewed = fresh.get(entry.getKey());
            if (renewed != null) {
                entry.setValue(entry.getValue().withUrl(renewed.url(), renewed.expirationTimestamp()));
                swapped++;
            }
        }
        generation++;
        LOG.info("Refreshed download links for {} (refresh {} of at most {}): {} of {} files", tableName, generation,
                maxRefreshes, swapped, current.size());
        if (swapped < current.size()) {
            throw links.filesGone();
        }
    }
}
