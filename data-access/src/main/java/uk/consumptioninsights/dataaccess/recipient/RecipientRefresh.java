package uk.consumptioninsights.dataaccess.recipient;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.work.Progress;

/**
 * Brings a loaded share's tables up to the share's current version: applies only the changes since the cached version
 * when the table has a change data feed, and otherwise (no feed, history no longer kept, or changes that do not fit
 * the copy) replaces the table with a snapshot. Each table's refresh commits whole or not at all, so a failure leaves
 * the copy as it was.
 */
public final class RecipientRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientRefresh.class);

    private final LocalWorkspace workspace;
    private final ChangeFeed feed;
    private final Clock clock;

    public RecipientRefresh(LocalWorkspace workspace, ChangeFeed feed, Clock clock) {
        this.workspace = workspace;
        this.feed = feed;
        this.clock = clock;
    }

    /** Refreshes consumption, then anomalies when the share's were loaded. */
    public List<RefreshOutcome> refreshAll(Progress progress) throws SQLException {
        boolean anomalies = workspace.info().containsKey(RecipientTable.ANOMALIES.tableKey());
        List<RefreshOutcome> outcomes = new ArrayList<>();
        outcomes.add(refresh(RecipientTable.CONSUMPTION, anomalies ? progress.slice(0, 0.7) : progress));
        if (anomalies) {
            outcomes.add(refresh(RecipientTable.ANOMALIES, progress.slice(0.7, 1)));
        }
        return outcomes;
    }

    public RefreshOutcome refresh(RecipientTable table, Progress progress) throws SQLException {
        Map<String, String> info = workspace.info();
        String name = info.get(table.tableKey());
        if (name == null) {
            throw new SourceException("No shared table is loaded as " + table.kind().displayName().toLowerCase(Locale.ROOT)
                    + " in this workspace. Open the share profile and load the table first.");
        }
        SharedTable shared = sharedTable(name);
        progress.report(0, "Asking the share for the version of " + name + "…");
        long current = feed.currentVersion(shared, progress);
        OptionalLong cached = version(info.get(table.versionKey()));
        if (cached.isPresent() && cached.getAsLong() == current) {
            return new RefreshOutcome.UpToDate(name, current);
        }
        if (cached.isEmpty()) {
            return snapshot(table, shared, "no version of it was cached", progress);
        }
        long from = cached.getAsLong();
        if (from > current) {
            return snapshot(table, shared, "the share's version " + current + " is older than the copy's (" + from
                    + "): the table was re-created", progress);
        }
        progress.checkCancelled();
        if (!feed.hasChangeDataFeed(shared, progress)) {
            return snapshot(table, shared, "the table has no change data feed", progress);
        }
        try {
            DownloadedChanges changes = feed.changes(shared, from + 1, current, progress.slice(0.05, 0.7));
            OptionalLong expected = feed.expectedRows(shared, changes.changes().endingVersion(), progress);
            ShareRefresh applied = SharedTableChanges.apply(workspace, table, changes, expected, clock,
                    progress.slice(0.7, 1));
            return new RefreshOutcome.ChangesApplied(name, from, applied.toVersion(), applied.inserted(),
                    applied.deleted(), applied.updated(), changes.bytesDownloaded());
        } catch (ChangeHistoryUnavailable e) {
            LOG.info("The changes of {} since version {} are not available ({}); taking a snapshot", name, from,
                    e.getMessage());
            return snapshot(table, shared, "the share no longer keeps its changes since version " + from, progress);
        } catch (ChangesRejected e) {
            LOG.warn("The changes of {} since version {} were not applied: {} Taking a snapshot", name, from,
                    e.getMessage());
            return snapshot(table, shared, e.reason(), progress);
        }
    }

    private RefreshOutcome snapshot(RecipientTable table, SharedTable shared, String reason, Progress progress)
            throws SQLException {
        progress.checkCancelled();
        DownloadedTable downloaded = feed.snapshot(shared, progress.slice(0.05, 0.8));
        SharedTableFiles files = SharedTableFiles.from(shared.qualifiedName(), downloaded);
        ShareRefresh loaded = RecipientLoad.replace(workspace, table, files,
                OptionalLong.of(downloaded.bytesDownloaded()), reason, clock, progress.slice(0.8, 1));
        return new RefreshOutcome.SnapshotLoaded(shared.qualifiedName(), loaded.toVersion(), loaded.inserted(), reason);
    }

    /** {@code share.schema.table} as the workspace keeps it; share and schema names hold no dots. */
    private static SharedTable sharedTable(String qualified) {
        String[] parts = qualified.split("\\.", 3);
        if (parts.length != 3) {
            throw new SourceException("The workspace names its shared table '" + qualified + "', which is not "
                    + "share.schema.table. Open the share profile and load the table again.");
        }
        return new SharedTable(parts[0], parts[1], parts[2]);
    }

    private static OptionalLong version(String text) {
        return text == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    }
}
