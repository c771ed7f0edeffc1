package uk.consumptioninsights.app.sharing;

import java.util.List;
import uk.consumptioninsights.dataaccess.recipient.RefreshOutcome;
import uk.consumptioninsights.dataaccess.recipient.ShareRefresh;
import uk.consumptioninsights.model.work.Progress;

/**
 * Brings a loaded share's local copy up to the share's current version and tells its refresh history. Implemented in
 * the workspace package over the protocol client; both methods run off the UI thread and throw an exception with a
 * user-facing message, or {@link java.util.concurrent.CancellationException}.
 */
public interface ShareRefresher {

    /** Refreshes every shared table of {@code share}'s copy, consumption first. */
    List<RefreshOutcome> refresh(OpenedShare share, Progress progress) throws Exception;

    /** Every load and refresh of the copy's tables, newest first. */
    List<ShareRefresh> history(OpenedShare share) throws Exception;
}
