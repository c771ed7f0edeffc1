package uk.consumptioninsights.dataaccess.export;

/** What a column of an exported table holds, and the type it is written as in Parquet. */
public enum ColumnType {
    TEXT("VARCHAR"),
    WHOLE("BIGINT"),
    DECIMAL("DOUBLE"),
    DATE("DATE"),
    /** An instant, written in UTC. */
    TIMESTAMP("TIMESTAMP");

    private final String duckdbType;

    ColumnType(String duckdbType) {
        this.duckdbType = duckdbType;
    }

    String duckdbType() {
        return duckdbType;
    }
}
