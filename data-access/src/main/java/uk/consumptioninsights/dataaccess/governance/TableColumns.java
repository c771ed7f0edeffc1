package uk.consumptioninsights.dataaccess.governance;

import java.util.List;

/** A table's or view's columns, in order, with their declared types. */
public record TableColumns(String table, List<Column> columns) {

    public TableColumns {
        columns = List.copyOf(columns);
    }

    public record Column(String name, String type) {
    }
}
