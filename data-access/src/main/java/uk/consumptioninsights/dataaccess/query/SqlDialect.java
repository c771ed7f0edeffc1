package uk.consumptioninsights.dataaccess.query;

/**
 * What differs between the engines that answer the {@link ConsumptionQueries}: a handful of function names and how
 * identifiers are quoted. Results leave the engine as plain numbers and ISO text, so no driver's date or timestamp
 * conversion (and its time zone) ever touches a value.
 */
public sealed interface SqlDialect permits SqlDialect.DuckDb, SqlDialect.DatabricksSql {

    /** Milliseconds since the epoch of a UTC timestamp column, as BIGINT. */
    String epochMillis(String timestampExpression);

    /** A DATE as its ISO text, yyyy-MM-dd. */
    String isoDate(String dateExpression);

    /** The UTC TIMESTAMP at a number of milliseconds since the epoch (a BIGINT parameter), for writing instants. */
    String timestampOfEpochMillis(String millisExpression);

    /** An identifier quoted for this engine. */
    String quote(String identifier);

    /** The embedded DuckDB of the local workspace. */
    record DuckDb() implements SqlDialect {
        @Override
        public String epochMillis(String timestampExpression) {
            return "epoch_ms(" + timestampExpression + ")";
        }

        @Override
        public String isoDate(String dateExpression) {
            return "strftime(" + dateExpression + ", '%Y-%m-%d')";
        }

        @Override
        public String timestampOfEpochMillis(String millisExpression) {
            return "epoch_ms(CAST(" + millisExpression + " AS BIGINT))";
        }

        @Override
        public String quote(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
    }

    /** Databricks SQL (and the Spark SQL it grew from). */
    record DatabricksSql() implements SqlDialect {
        @Override
        public String epochMillis(String timestampExpression) {
            return "unix_millis(" + timestampExpression + ")";
        }

        @Override
        public String isoDate(String dateExpression) {
            return "date_format(" + dateExpression + ", 'yyyy-MM-dd')";
        }

        @Override
        public String timestampOfEpochMillis(String millisExpression) {
            return "timestamp_millis(CAST(" + millisExpression + " AS BIGINT))";
        }

        @Override
        public String quote(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }
    }
}
