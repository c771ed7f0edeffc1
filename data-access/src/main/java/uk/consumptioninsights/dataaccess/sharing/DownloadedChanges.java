package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;

/**
 * Every file of a change data feed answer on local disk. Only ever built once all are present, so holding one means
 * the changes are complete.
 */
public record DownloadedChanges(TableChanges changes, List<DownloadedChange> files, long bytesDownloaded) {

    public DownloadedChanges {
        files = List.copyOf(files);
        if (files.size() != changes.files().size()) {
            throw new IllegalArgumentException("Downloaded changes must hold every file of the answer: "
                    + files.size() + " of " + changes.files().size());
        }
    }
}
