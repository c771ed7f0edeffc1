package uk.consumptioninsights.dataaccess.sharing;

import java.nio.file.Path;

/** A change file on local disk, complete. */
public record DownloadedChange(ChangeFile change, Path path) {
}
