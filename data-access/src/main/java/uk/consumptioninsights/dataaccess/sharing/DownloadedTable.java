package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;

/**
 * Every file of a snapshot on local disk. Only ever built once all files are present with their announced sizes, so
 * holding one means the table is complete.
 */
public record DownloadedTable(TableSnapshot snapshot, List<DownloadedFile> files, long bytesDownloaded,
                              long filesFromCache) {

    public DownloadedTable {
        files = List.copyOf(files);
        if (files.size() != snapshot.files().size()) {
            throw new IllegalArgumentException("A downloaded table must hold every file of its snapshot: "
                    + files.size() + " of " + snapshot.files().size());
        }
    }
}
