package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;

/**
 * The answer to a query: the table's metadata and files at one version. {@code options} are the query's, kept so an
 * expired URL can be refreshed by asking the same question again.
 */
public record TableSnapshot(SharedTable table, TableMetadata metadata, long version, List<SharedFile> files,
                            QueryOptions options) {

    public TableSnapshot {
        files = List.copyOf(files);
        options = options == null ? QueryOptions.latest() : options;
    }

    public TableSnapshot(SharedTable table, TableMetadata metadata, long version, List<SharedFile> files) {
        this(table, metadata, version, files, QueryOptions.latest());
    }

    public long totalBytes() {
        return files.stream().mapToLong(SharedFile::size).sum();
    }
}
