package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the server says about a table at one version: its id (stable while the table is not re-created, and the
 * cache key), columns in schema order, partition columns, and size when the server sends it.
 *
 * @param name the table's name in the metaData action, or null
 */
public record TableMetadata(String tableId, long version, List<DeltaColumn> columns, List<String> partitionColumns,
                            OptionalLong size, OptionalLong numFiles, String name) {

    public TableMetadata {
        columns = List.copyOf(columns);
        partitionColumns = List.copyOf(partitionColumns);
    }

    public TableMetadata(String tableId, long version, List<DeltaColumn> columns, List<String> partitionColumns,
                         OptionalLong size, OptionalLong numFiles) {
        this(tableId, version, columns, partitionColumns, size, numFiles, null);
    }

    /** The column of that name, ignoring case as the server does. */
    public Optional<DeltaColumn> column(String columnName) {
        return columns.stream().filter(c -> c.matches(columnName)).findFirst();
    }

    public boolean isPartitionColumn(String columnName) {
        return partitionColumns.stream().anyMatch(p -> p.equalsIgnoreCase(columnName));
    }
}
