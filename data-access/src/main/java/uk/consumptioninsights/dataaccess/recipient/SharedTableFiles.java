package uk.consumptioninsights.dataaccess.recipient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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

    /** A downloaded data file; an empty partition value means NULL, as the Delta protocol says. */
    public record LocalFile(Path path, Map<String, String> partitionValues) {
        public LocalFile {
            partitionValues = Map.copyOf(partitionValues);
        }
    }
}
