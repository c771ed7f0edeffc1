package uk.consumptioninsights.dataaccess.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds a catalog statement's parameters; the same calls on every driver. */
public final class JdbcParameters {

    private JdbcParameters() {
    }

    public static void bind(PreparedStatement statement, SqlQuery query) throws SQLException {
        int index = 1;
        for (Object value : query.parameters()) {
            if (value instanceof Long number) {
                statement.setLong(index++, number);
            } else {
                statement.setString(index++, (String) value);
            }
        }
    }
}
