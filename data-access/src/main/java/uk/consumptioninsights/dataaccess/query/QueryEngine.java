package uk.consumptioninsights.dataaccess.query;

import uk.consumptioninsights.dataaccess.source.SourceException;

/** Runs catalog statements on one engine. Blocks on IO; failures are {@link SourceException}s with a user-facing message. */
public interface QueryEngine {

    SqlDialect dialect();

    <T> T run(SqlQuery query, ResultReader<T> reader);
}
