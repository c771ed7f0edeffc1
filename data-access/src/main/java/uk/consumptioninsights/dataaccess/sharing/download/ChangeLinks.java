package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.ChangeRange;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.model.work.Progress;

/**
 * Fresh URLs for change files: the same versions asked again. Versions, not the times first asked with, so a refresh
 * covers exactly the commits of the first answer. The change data feed is asked first; files it does not list (those
 * of a query from a starting version, which lists an update's rewritten data files rather than its change data) are
 * asked for that way.
 */
final class ChangeLinks implements FreshLinks {

    private final ChangesDownloader.Reask changeFeed;
    private final ChangesDownloader.Reask dataChanges;
    private final TableChanges changes;

    ChangeLinks(ChangesDownloader.Reask changeFeed, ChangesDownloader.Reask dataChanges, TableChanges changes) {
        this.changeFeed = changeFeed;
        this.dataChanges = dataChanges;
        this.changes = changes;
    }

    @Override
    public List<SharedFile> ask(Set<String> needed, Progress progress) {
        ChangeRange same = ChangeRange.fromVersion(changes.startingVersion()).toVersion(changes.endingVersion());
        List<SharedFile> fresh = new ArrayList<>(files(changeFeed, same, progress));
        Set<String> found = fresh.stream().map(SharedFile::id).collect(Collectors.toSet());
        if (!found.containsAll(needed)) {
            fresh.addAll(files(dataChanges, same, progress));
        }
        return fresh;
    }

    /** A table without change data feed refuses the feed; its data changes may still be listed the other way. */
    private List<SharedFile> files(ChangesDownloader.Reask reask, ChangeRange range, Progress progress) {
        try {
            return reask.changes(changes.table(), range, progress).files().stream().map(ChangeFile::file).toList();
        } catch (SharingException e) {
            if (e.category() != Category.UNSUPPORTED && e.category() != Category.BAD_REQUEST) {
                throw e;
            }
            return List.of();
        }
    }

    @Override
    public SharingException filesGone() {
        return SharingException.of(Category.STORAGE, "The sharing server no longer lists some change files of "
                + changes.table().qualifiedName() + " for versions " + changes.startingVersion() + " to "
                + changes.endingVersion() + " (the provider may have cleaned up old versions). Read the changes "
                + "again, or download the whole table.");
    }
}
