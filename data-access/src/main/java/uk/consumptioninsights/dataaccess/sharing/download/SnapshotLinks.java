package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.List;
import java.util.Set;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

/**
 * Fresh URLs for a snapshot's files: through the refresh token the server gave with a latest snapshot, which returns
 * the same files whatever happened to the table since; without one (or once the server refuses it), the same query
 * again, pinned to the snapshot's version when the table's history is shared (otherwise the latest, which still has
 * the files if the table has not changed).
 */
final class SnapshotLinks implements FreshLinks {

    private final UrlRefresher.Requery requery;
    private final UrlRefresher.Renewal renewal;
    private final TableSnapshot snapshot;
    private String refreshToken;
    private boolean pinningRefused;
    private long lastVersion;

    SnapshotLinks(UrlRefresher.Requery requery, UrlRefresher.Renewal renewal, TableSnapshot snapshot) {
        this.requery = requery;
        this.renewal = renewal;
        this.snapshot = snapshot;
        this.refreshToken = snapshot.refreshToken();
        this.lastVersion = snapshot.version();
    }

    @Override
    public List<SharedFile> ask(Set<String> needed, Progress progress) {
        TableSnapshot fresh = refreshToken != null ? renewed(progress) : requeryPinned(progress);
        lastVersion = fresh.version();
        return fresh.files();
    }

    /** A refused token (expired, say) is dropped, and the question asked again instead. */
    private TableSnapshot renewed(Progress progress) {
        try {
            TableSnapshot fresh = renewal.renew(snapshot.table(), snapshot.options(), refreshToken, progress);
            refreshToken = fresh.refreshToken() != null ? fresh.refreshToken() : refreshToken;
            return fresh;
        } catch (SharingException e) {
            if (e.category() != Category.BAD_REQUEST) {
                throw e;
            }
            refreshToken = null;
            return requeryPinned(progress);
        }
    }

    @Override
    public SharingException filesGone() {
        return SharingException.of(Category.STORAGE, "The table " + snapshot.table().qualifiedName() + " changed "
                + "while it was downloading (version " + snapshot.version() + " to " + lastVersion + "), and its "
                + "history is not shared, so the old version's files cannot be fetched. Open the table again.");
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
