package uk.consumptioninsights.dataaccess.governance;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import uk.consumptioninsights.dataaccess.query.ResultReader;

/**
 * Result sets recorded from Unity Catalog (JSON files beside this class, real column names), replayed as real
 * {@link ResultSet}s by an in-memory DuckDB reading the file.
 */
final class Recordings {

    private Recordings() {
    }

    static <T> T map(String recording, ResultReader<T> reader) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            return map(duck, recording, reader);
        }
    }

    /** Replays on {@code duck}; the result set lives as long as that connection. */
    static ResultSet open(Connection duck, String recording) throws SQLException {
        Statement st = duck.createStatement();
        st.closeOnCompletion();
        return st.executeQuery("SELECT * FROM read_json_auto('" + path(recording).toString().replace("'", "''") + "')");
    }

    private static <T> T map(Connection duck, String recording, ResultReader<T> reader) throws SQLException {
        try (ResultSet rs = open(duck, recording)) {
            return reader.read(rs);
        }
    }

    private static Path path(String recording) {
        URL url = Recordings.class.getResource(recording);
        if (url == null) {
            throw new IllegalArgumentException("No recording " + recording);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
