package uk.consumptioninsights.dataaccess.sharing;

import java.nio.file.Path;

/** A snapshot file on local disk, complete and of the announced size. */
public record DownloadedFile(SharedFile file, Path localPath, boolean fromCache) {
}
