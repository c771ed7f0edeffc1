package uk.consumptioninsights.dataaccess.provider.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

/**
 * Puts a local workspace's gold tables on the peer as Delta tables, through the real driver, and creates the purpose
 * views from the notebooks' own SQL file: the provider then holds exactly the data the workspace holds.
 */
public final class GoldOnPeer {

    /** The gold tables of the contract; the local workspace keeps consumption_half_hourly as a view over silver. */
    public static final List<String> TABLES =
            List.of("meters", "consumption_half_hourly", "consumption_daily", "consumption_gsp_half_hourly", "anomalies",
                    "data_quality_daily");

    private GoldOnPeer() {
    }

    public static void load(LocalWorkspace workspace, Connection peer, Path exportDir, String catalog, String schema)
            throws SQLException, IOException {
        Files.createDirectories(exportDir);
        try (Statement spark = peer.createStatement()) {
            spark.execute("CREATE SCHEMA IF NOT EXISTS " + catalog + "." + schema);
            for (String table : TABLES) {
                Path parquet = exportDir.resolve(table + ".parquet").toAbsolutePath();
                export(workspace, table, parquet);
                spark.execute("DROP TABLE IF EXISTS " + catalog + "." + schema + "." + table);
                spark.execute("CREATE TABLE " + catalog + "." + schema + "." + table + " USING delta AS SELECT * FROM parquet.`"
                        + parquet.toUri() + "`");
            }
            for (String statement : purposeViews(catalog, schema)) {
                spark.execute(statement);
            }
        }
    }

    /** TIMESTAMP columns go out as UTC instants (TIMESTAMPTZ), which Spark reads as its TIMESTAMP. */
    private static void export(LocalWorkspace workspace, String table, Path parquet) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = 'gold' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    columns.add(rs.getString(2).startsWith("TIMESTAMP") ? "CAST(" + name + " AS TIMESTAMPTZ) AS " + name : name);
                }
            }
            st.execute("COPY (SELECT " + String.join(", ", columns) + " FROM gold." + table + ") TO '"
                    + parquet.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
    }

    /** The statements of notebooks/sql/gold_purpose_views.sql, its :catalog and :schema bound. */
    public static List<String> purposeViews(String catalog, String schema) throws IOException {
        return NotebookSql.notebook("sql/gold_purpose_views.sql").bound(Map.of("catalog", catalog, "schema", schema));
    }
}
