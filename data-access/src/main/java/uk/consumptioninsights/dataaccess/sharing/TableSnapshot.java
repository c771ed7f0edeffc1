package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;

/**
 * The answer to a query: the table's metadata and files at one version. {@code options} are the query's, kept so an
 * expired URL can be refreshed by asking the same question again; {@code refreshToken}, when the server gave one for
 * a latest-snapshot query, renews the URLs of exactly these files even after the table moved on.
 *
 * @param refreshToken the server's refresh token, or null; never written to the cache nor shown in {@link #toString()}
 */
public record TableSnapshot(SharedTable table, TableMetadata metadata, long version, List<SharedFile> files,
                            QueryOptions options, String refreshToken) {

    public TableSnapshot {
        files = List.copyOf(files);
        options = options == null ? QueryOptions.latest() : options;
    }

    public TableSnapshot(SharedTable table, TableMetadata metadata, long version, List<SharedFile> files,
                         QueryOptions options) {
        this(table, metadata, version, files, options, null);
    }

    public TableSnapshot(SharedTable table, TableMetadata metadata, long version, List<SharedFile> files) {
        this(table, metadata, version, files, QueryOptions.latest());
    }

    public long totalBytes() {
        return files.stream().mapToLong(SharedFile::size).sum();
    }

    @Override
    public String toString() {
        return "TableSnapshot[table=" + table + ", metadata=" + metadata + ", version=" + version + ", files=" + files
                + ", options=" + options + ", refreshToken=" + (refreshToken == null ? "none" : "…") + "]";
    }
}
