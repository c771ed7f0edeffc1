package uk.consumptioninsights.app.governance;

/** A mask function on a column, with the columns it reads joined for display. */
public record ColumnMaskItem(String table, String column, String maskFunction, String usingColumns) {
}
