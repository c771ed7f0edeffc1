package uk.consumptioninsights.app.governance;

/** A row filter on a table, with the columns it reads joined for display. */
public record RowFilterItem(String table, String filterFunction, String columns) {
}
