package uk.consumptioninsights.dataaccess.recipient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.DownloadedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;

/**
 * One shared table, downloaded: its declared columns, its partition columns, and every data file on local disk with
 * that file's partition values (Delta keeps partition columns out of the files).
 *
 * @param title         e.g. {@code elexon_consumption.curated.consumption_half_hourly}, for messages
 * @param version       the table version the files belong to
 * @param expectedRows  the sum of the files' record counts when the share gave them all, to check the load
 */
public record SharedTableFiles(String title, long version, List<SharedColumn> columns, List<String> partitionColumns,
                               List<LocalFile> files, OptionalLong expectedRows) {

    public SharedTableFiles {
        columns = List.copyOf(columns);
        partitionColumns = List.copyOf(partitionColumns);
        files = List.copyOf(files);
    }

    /**
     * A table the protocol client downloaded completely. The row count to expect is the sum of the files' record
     * counts when every file had one; columns of types the client cannot read are left out.
     */
    public static SharedTableFiles from(String title, DownloadedTable table) {
        List<LocalFile> local = new ArrayList<>();
        for (DownloadedFile file : table.files()) {
            local.add(new LocalFile(file.localPath(), file.file().partitionValues()));
        }
        TableMetadata metadata = table.snapshot().metadata();
        List<SharedColumn> columns = metadata.columns().stream().filter(DeltaColumn::supported)
                .map(c -> new SharedColumn(c.name(), c.duckdbType())).toList();
        return new SharedTableFiles(title, table.snapshot().version(), columns, metadata.partitionColumns(), local,
                recordCount(table.snapshot().files()));
    }

    /** The rows of these files: the sum of their record counts, or empty when any file came without one. */
    static OptionalLong recordCount(List<SharedFile> files) {
        long rows = 0;
        for (SharedFile file : files) {
            if (file.numRecords().isEmpty()) {
                return OptionalLong.empty();
            }
            rows += file.numRecords().getAsLong();
        }
        return OptionalLong.of(rows);
    }

    /** A downloaded data file; an empty partition value means NULL, as the Delta protocol says. */
    public record LocalFile(Path path, Map<String, String> partitionValues) {
        public LocalFile {
            partitionValues = Map.copyOf(partitionValues);
        }
    }
}
