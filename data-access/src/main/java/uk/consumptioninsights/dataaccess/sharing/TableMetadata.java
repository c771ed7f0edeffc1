package uk.consumptioninsights.dataaccess.sharing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the server says about a table at one version: its id (stable while the table is not re-created, and the
 * cache key), columns in schema order, partition columns, size when the server sends it, and the table's
 * configuration (its Delta table properties).
 *
 * @param name          the table's name in the metaData action, or null
 * @param configuration the metaData action's configuration; empty when the server sent none
 */
public record TableMetadata(String tableId, long version, List<DeltaColumn> columns, List<String> partitionColumns,
                            OptionalLong size, OptionalLong numFiles, String name, Map<String, String> configuration) {

    /** The table property that makes Delta record row-level changes. */
    public static final String CHANGE_DATA_FEED = "delta.enableChangeDataFeed";

    public TableMetadata {
        columns = List.copyOf(columns);
        partitionColumns = List.copyOf(partitionColumns);
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    }

    public TableMetadata(String tableId, long version, List<DeltaColumn> columns, List<String> partitionColumns,
                         OptionalLong size, OptionalLong numFiles, String name) {
        this(tableId, version, columns, partitionColumns, size, numFiles, name, Map.of());
    }

    public TableMetadata(String tableId, long version, List<DeltaColumn> columns, List<String> partitionColumns,
                         OptionalLong size, OptionalLong numFiles) {
        this(tableId, version, columns, partitionColumns, size, numFiles, null, Map.of());
    }

    /**
     * True when the table records its changes, so {@code /changes} can be asked. The protocol's own example names the
     * property without its {@code delta.} prefix, and Delta reads table property names regardless of case, so both
     * spellings count.
     */
    public boolean changeDataFeed() {
        return configuration.entrySet().stream()
                .filter(e -> {
                    String key = e.getKey().toLowerCase(Locale.ROOT);
                    return key.equals(CHANGE_DATA_FEED.toLowerCase(Locale.ROOT)) || key.equals("enablechangedatafeed");
                })
                .anyMatch(e -> e.getValue() != null && e.getValue().trim().equalsIgnoreCase("true"));
    }

    /** The column of that name, ignoring case as the server does. */
    public Optional<DeltaColumn> column(String columnName) {
        return columns.stream().filter(c -> c.matches(columnName)).findFirst();
    }

    public boolean isPartitionColumn(String columnName) {
        return partitionColumns.stream().anyMatch(p -> p.equalsIgnoreCase(columnName));
    }
}
