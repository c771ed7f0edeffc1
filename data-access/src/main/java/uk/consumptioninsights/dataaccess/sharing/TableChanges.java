package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;

/**
 * The answer to a change data feed request: the table's metadata and every change file of the versions
 * {@code startingVersion}..{@code endingVersion}, both inclusive.
 */
public record TableChanges(SharedTable table, TableMetadata metadata, long startingVersion, long endingVersion,
                           List<ChangeFile> files) {

    public TableChanges {
        files = List.copyOf(files);
    }

    public long totalBytes() {
        return files.stream().mapToLong(f -> f.file().size()).sum();
    }
}
