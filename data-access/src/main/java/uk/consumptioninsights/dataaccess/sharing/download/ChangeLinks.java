package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.List;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.ChangeRange;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.model.work.Progress;

/**
 * Fresh URLs for change files: the same versions asked again. Versions, not the times first asked with, so a refresh
 * covers exactly the commits of the first answer.
 */
final class ChangeLinks implements FreshLinks {

    private final ChangesDownloader.Reask reask;
    private final TableChanges changes;

    ChangeLinks(ChangesDownloader.Reask reask, TableChanges changes) {
        this.reask = reask;
        this.changes = changes;
    }

    @Override
    public List<SharedFile> ask(Progress progress) {
        ChangeRange same = ChangeRange.fromVersion(changes.startingVersion()).toVersion(changes.endingVersion());
        return reask.changes(changes.table(), same, progress).files().stream().map(ChangeFile::file).toList();
    }

    @Override
    public SharingException filesGone() {
        return SharingException.of(Category.STORAGE, "The sharing server no longer lists some change files of "
                + changes.table().qualifiedName() + " for versions " + changes.startingVersion() + " to "
                + changes.endingVersion() + " (the provider may have cleaned up old versions). Read the changes "
                + "again, or download the whole table.");
    }
}
