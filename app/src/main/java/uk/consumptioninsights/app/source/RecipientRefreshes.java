package uk.consumptioninsights.app.source;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.consumptioninsights.app.sharing.OpenedShare;
import uk.consumptioninsights.app.sharing.ShareRefresher;
import uk.consumptioninsights.dataaccess.recipient.ChangeFeed;
import uk.consumptioninsights.dataaccess.recipient.RecipientRefresh;
import uk.consumptioninsights.dataaccess.recipient.RecipientTable;
import uk.consumptioninsights.dataaccess.recipient.RefreshOutcome;
import uk.consumptioninsights.dataaccess.recipient.ShareRefresh;
import uk.consumptioninsights.dataaccess.recipient.ShareRefreshes;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.work.Progress;

/**
 * Refresh for the shares {@link RecipientShares} has open: a protocol client for the share's profile, the change feed
 * over it, and {@link RecipientRefresh} on the share's workspace.
 */
public final class RecipientRefreshes implements ShareRefresher {

    private final RecipientShares shares;
    private final Function<DeltaSharingClient, ChangeFeed> feeds;
    private final Clock clock;

    /** @param feeds the change feed over a protocol client, which the caller opens and closes */
    public RecipientRefreshes(RecipientShares shares, Function<DeltaSharingClient, ChangeFeed> feeds, Clock clock) {
        this.shares = shares;
        this.feeds = feeds;
        this.clock = clock;
    }

    @Override
    public List<RefreshOutcome> refresh(OpenedShare share, Progress progress) throws SQLException {
        LocalWorkspace workspace = workspaceOf(share);
        try (DeltaSharingClient client = shares.clientFor(share)) {
            return new RecipientRefresh(workspace, feeds.apply(client), clock).refreshAll(progress);
        } catch (SharingException e) {
            throw RecipientShares.asSourceException(e);
        }
    }

    @Override
    public List<ShareRefresh> history(OpenedShare share) throws SQLException {
        LocalWorkspace workspace = workspaceOf(share);
        Map<String, String> info = workspace.info();
        List<ShareRefresh> history = new ArrayList<>();
        for (RecipientTable table : RecipientTable.values()) {
            String name = info.get(table.tableKey());
            if (name != null) {
                history.addAll(ShareRefreshes.of(workspace, name));
            }
        }
        history.sort(Comparator.comparing(ShareRefresh::refreshedAt).reversed());
        return history;
    }

    private LocalWorkspace workspaceOf(OpenedShare share) {
        return shares.workspaceOf(share).orElseThrow(() -> new SourceException("The share is no longer open in the "
                + "workbench. Load it again from File → Open share profile…, then refresh."));
    }
}
