package uk.consumptioninsights.dataaccess.governance;

import java.util.List;

/** A row filter on a table: readers see only the rows the function accepts. */
public record RowFilter(String table, String filterFunction, List<String> columns) {
    public RowFilter {
        columns = List.copyOf(columns);
    }
}
