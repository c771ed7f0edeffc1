package uk.consumptioninsights.dataaccess.recipient;

import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.ChangeRange;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

/** A share's change data feed read through the Delta Sharing protocol client. */
public final class DeltaSharingChangeFeed implements ChangeFeed {

    private final DeltaSharingClient client;

    public DeltaSharingChangeFeed(DeltaSharingClient client) {
        this.client = client;
    }

    @Override
    public long currentVersion(SharedTable table, Progress progress) {
        return client.tableVersion(table, progress);
    }

    @Override
    public boolean hasChangeDataFeed(SharedTable table, Progress progress) {
        return client.metadata(table, progress).changeDataFeed();
    }

    /**
     * The reference server answers 400 when change data feed was off for some of the versions or their history is no
     * longer kept; the client says UNSUPPORTED when the table's metadata shows no change data feed. Either way a
     * snapshot will do; anything else (network, authorisation, a broken answer) is the user's to see.
     */
    @Override
    public DownloadedChanges changes(SharedTable table, long startingVersion, long endingVersion, Progress progress)
            throws ChangeHistoryUnavailable {
        try {
            return client.download(client.changes(table, ChangeRange.fromVersion(startingVersion)
                    .toVersion(endingVersion), progress), progress);
        } catch (SharingException e) {
            if (e.category() == Category.UNSUPPORTED || e.category() == Category.BAD_REQUEST) {
                throw new ChangeHistoryUnavailable(e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The latest snapshot's count when it is that version (no history needed), else the count at that version. */
    @Override
    public OptionalLong expectedRows(SharedTable table, long version, Progress progress) {
        TableSnapshot latest = client.query(table, QueryOptions.latest(), progress);
        TableSnapshot atVersion = latest.version() == version ? latest
                : client.query(table, QueryOptions.latest().atVersion(version), progress);
        return SharedTableFiles.recordCount(atVersion.files());
    }

    @Override
    public DownloadedTable snapshot(SharedTable table, Progress progress) {
        return client.download(client.query(table, QueryOptions.latest(), progress), progress);
    }
}
