package uk.consumptioninsights.app.ui;

import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.recipient.ChangeFeed;
import uk.consumptioninsights.dataaccess.recipient.ChangeHistoryUnavailable;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.model.work.Progress;

/**
 * Test fixture: a change feed over the protocol client for a share served without change data feed, so the app's
 * Refresh wiring can be driven end to end (versions and snapshots from the loopback server) before the client reads
 * change data feeds.
 */
final class ClientSnapshotFeed implements ChangeFeed {

    private final DeltaSharingClient client;

    ClientSnapshotFeed(DeltaSharingClient client) {
        this.client = client;
    }

    @Override
    public long currentVersion(SharedTable table, Progress progress) {
        return client.tableVersion(table, progress);
    }

    @Override
    public boolean hasChangeDataFeed(SharedTable table, Progress progress) {
        return false;
    }

    @Override
    public DownloadedChanges changes(SharedTable table, long startingVersion, long endingVersion, Progress progress)
            throws ChangeHistoryUnavailable {
        throw new ChangeHistoryUnavailable("The test share serves no change data feed");
    }

    @Override
    public OptionalLong expectedRows(SharedTable table, long version, Progress progress) {
        return OptionalLong.empty();
    }

    @Override
    public DownloadedTable snapshot(SharedTable table, Progress progress) {
        return client.download(client.query(table, QueryOptions.latest(), progress), progress);
    }
}
