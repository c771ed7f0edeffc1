package uk.consumptioninsights.dataaccess.recipient;

import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.model.work.Progress;

/**
 * What a refresh needs from the share: the network side of {@link RecipientRefresh}, implemented over the Delta
 * Sharing client. Every method runs off the UI thread and throws the client's exception (with a user-facing message,
 * never a token or signed URL) or {@link java.util.concurrent.CancellationException}.
 */
public interface ChangeFeed {

    /** The table's current version on the server. */
    long currentVersion(SharedTable table, Progress progress);

    /** True when the provider keeps a change data feed for the table ({@code delta.enableChangeDataFeed}). */
    boolean hasChangeDataFeed(SharedTable table, Progress progress);

    /**
     * Every change of versions {@code startingVersion}..{@code endingVersion} (both inclusive), downloaded.
     *
     * @throws ChangeHistoryUnavailable when the server no longer keeps (or never had) those versions' changes
     */
    DownloadedChanges changes(SharedTable table, long startingVersion, long endingVersion, Progress progress)
            throws ChangeHistoryUnavailable;

    /** The table's row count at {@code version}: the sum of its files' record counts, when the server gave them all. */
    OptionalLong expectedRows(SharedTable table, long version, Progress progress);

    /** The table at its latest version, downloaded whole (cached files reused). */
    DownloadedTable snapshot(SharedTable table, Progress progress);
}
