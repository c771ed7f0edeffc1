package uk.consumptioninsights.dataaccess.export;

import java.util.List;

/**
 * A table as a tab shows it, ready to leave the workbench: already masked for the purpose it was read under.
 * Values are {@code String}, {@code Long}/{@code Integer}, {@code Double}, {@code LocalDate} or {@code Instant}, or
 * null.
 *
 * @param name e.g. "anomalies", what the audit log records as exported
 */
public record ExportTable(String name, List<ExportColumn> columns, List<List<Object>> rows) {

    public ExportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + name + " has " + row.size() + " values for "
                        + columns.size() + " columns");
            }
        }
    }
}
