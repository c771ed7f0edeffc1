package uk.consumptioninsights.dataaccess.governance;

import java.util.List;

/** A mask function on a column: readers see its result instead of the stored value. */
public record ColumnMask(String table, String column, String maskFunction, List<String> usingColumns) {
    public ColumnMask {
        usingColumns = List.copyOf(usingColumns);
    }
}
