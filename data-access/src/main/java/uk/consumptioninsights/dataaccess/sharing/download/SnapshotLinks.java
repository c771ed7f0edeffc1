package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.List;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

/**
 * Fresh URLs for a snapshot's files: the same query again, pinned to the snapshot's version when the table's history
 * is shared (otherwise the latest, which still has the files if the table has not changed).
 */
final class SnapshotLinks implements FreshLinks {

    private final UrlRefresher.Requery requery;
    private final TableSnapshot snapshot;
    private boolean pinningRefused;
    private long lastVersion;

    SnapshotLinks(UrlRefresher.Requery requery, TableSnapshot snapshot) {
        this.requery = requery;
        this.snapshot = snapshot;
        this.lastVersion = snapshot.version();
    }

    @Override
    public List<SharedFile> ask(Progress progress) {
        TableSnapshot fresh = requeryPinned(progress);
        lastVersion = fresh.version();
        return fresh.files();
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
