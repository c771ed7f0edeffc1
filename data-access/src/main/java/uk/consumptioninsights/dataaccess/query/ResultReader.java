package uk.consumptioninsights.dataaccess.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns a result set into a value; it reads the columns by position, as the catalog's SELECT lists them. */
@FunctionalInterface
public interface ResultReader<T> {
    T read(ResultSet rows) throws SQLException;
}
