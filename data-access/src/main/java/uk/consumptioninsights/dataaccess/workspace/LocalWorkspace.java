package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.MpanPseudonymiser;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * An embedded DuckDB lakehouse in one file, with its pseudonymisation key beside it. One instance owns the file;
 * {@link #newConnection()} hands each thread its own connection to the same database.
 */
public final class LocalWorkspace implements AutoCloseable {

    private final Path file;
    /** The name the workspace file is attached under; every connection uses it as its default database. */
    private static final String CATALOG = "workspace_db";

    private final DuckDBConnection root;
    private final MeterPseudonyms pseudonyms;

    private LocalWorkspace(Path file, DuckDBConnection root, MeterPseudonyms pseudonyms) {
        this.file = file;
        this.root = root;
        this.pseudonyms = pseudonyms;
    }

    /** Opens the workspace at {@code file}, creating the file, the key and the schema when missing. */
    public static LocalWorkspace open(Path file) throws SQLException {
        return open(file, WorkspaceLayout.LOCAL);
    }

    /** Opens a workspace of the given layout (a local lakehouse, or a recipient's copy of a share). */
    public static LocalWorkspace open(Path file, WorkspaceLayout layout) throws SQLException {
        Path attachAt = attachable(file);
        Path folder = attachAt.getParent();
        if (!Files.isDirectory(folder)) {
            // A folder the workbench creates holds raw MPANs and readings: its user's alone.
            OwnerOnly.folder(folder);
        }
        byte[] key = WorkspaceKey.loadOrCreate(keyFileFor(file));
        MeterPseudonyms pseudonyms = new MeterPseudonyms(new MpanPseudonymiser(key));
        Properties props = new Properties();
        // Everything the workspace needs is built in; never reach for the network to fetch extensions.
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", props);
        try {
            try (Statement st = connection.createStatement()) {
                // The file goes in as a quoted SQL string, not in the JDBC URL, where ';' and '?' are parameter syntax
                // (a '?' anywhere is refused by attachable, for DuckDB's own sake).
                st.execute("ATTACH '" + attachAt.toString().replace("'", "''") + "' AS " + CATALOG);
                st.execute("USE " + CATALOG);
                // ICU is built into the driver: without this, TIMESTAMPTZ values read from shared Parquet would be cast
                // to the machine's zone. Inside the program instants are UTC.
                st.execute("SET GLOBAL TimeZone = 'UTC'");
            }
            MeterPseudonyms.attach(connection);
            connection.setAutoCommit(false);
            boolean local = layout == WorkspaceLayout.LOCAL;
            boolean rekey = local && IntegerMeterKeys.setAsideIfKeyedByMpan(connection);
            boolean unstore = local && StoredPseudonyms.setAside(connection);
            applySchema(connection, layout);
            if (rekey) {
                IntegerMeterKeys.copyAcross(connection);
            }
            if (unstore) {
                StoredPseudonyms.copyAcross(connection);
            }
            connection.commit();
            connection.setAutoCommit(true);
            if (local) {
                pseudonyms.computeMissing(connection);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        LocalWorkspace workspace = new LocalWorkspace(file, connection, pseudonyms);
        workspace.keepPrivate();
        return workspace;
    }

    /**
     * Makes the workspace's files (database, write-ahead log, key) readable by their owner only. DuckDB creates them
     * with the process's default mode, so this runs on open and after anything that writes a lot (a build, an import).
     */
    public void keepPrivate() {
        OwnerOnly.file(file);
        OwnerOnly.file(file.resolveSibling(file.getFileName() + ".wal"));
        OwnerOnly.file(keyFileFor(file));
    }

    /**
     * The path DuckDB is given for {@code file}. DuckDB names the write-ahead log by inserting ".wal" before the first
     * '?' of the real path (as if it were a URL's query), through links too, so a workspace cannot live under such a
     * path: refused before anything is written, with its own message ({@link StorageProblem#PATH_WITH_QUESTION_MARK}).
     */
    private static Path attachable(Path file) {
        Path absolute = file.toAbsolutePath();
        if (absolute.toString().contains("?")) {
            throw new InvalidPathException(absolute.toString(), StorageProblem.QUESTION_MARK_REASON);
        }
        return absolute;
    }

    static Path keyFileFor(Path file) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.duckdb$", "") + ".key");
    }

    private static void applySchema(Connection connection, WorkspaceLayout layout) throws SQLException {
        // gold.anomalies, the governance tables and the case tables are the same in every layout, written once.
        String sql = resource(layout.schemaResource())
                .replace("${gold_anomalies}", resource("gold-anomalies.sql"))
                .replace("${governance_tables}", resource("governance-tables.sql"))
                .replace("${market_tables}", resource("market-tables.sql"))
                .replace("${research_min_group}", Integer.toString(PurposeRole.RESEARCH.minimumGroupSize()))
                .replace("${reading_ceiling}", Double.toString(ReadingFlag.CEILING_KWH))
                .replace("${region_arms}", GoldRegions.caseArms())
                // Cases are the same in every layout, after the layout's own schema (which creates gold).
                + "\n" + resource("case-tables.sql");
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static String resource(String name) {
        try (InputStream in = LocalWorkspace.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** A new connection to this workspace for one unit of work; the caller closes it. */
    public Connection newConnection() throws SQLException {
        Connection connection = root.duplicate();
        try (Statement st = connection.createStatement()) {
            st.execute("USE " + CATALOG);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    public MeterPseudonyms pseudonyms() {
        return pseudonyms;
    }

    public WorkspaceStatus status() throws SQLException {
        String status = info().get("status");
        return status == null ? WorkspaceStatus.EMPTY : WorkspaceStatus.valueOf(status);
    }

    public Map<String, String> info() throws SQLException {
        Map<String, String> info = new LinkedHashMap<>();
        try (Connection c = newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key, value FROM meta.workspace_info ORDER BY key")) {
            while (rs.next()) {
                info.put(rs.getString(1), rs.getString(2));
            }
        }
        return info;
    }

    public void putInfo(Map<String, String> entries) throws SQLException {
        try (Connection c = newConnection();
             PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO meta.workspace_info VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Removes every row, keeping the schema: used before a rebuild. */
    public void clear() throws SQLException {
        try (Connection c = newConnection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"meta.workspace_info", "bronze.meter_registrations", "bronze.hh_deliveries",
                "silver.meters", "silver.hh_readings", "silver.late_rejections", "silver.pipeline_runs", "silver.gold_pending_dates", "silver.settlement_days",
                "gold.consumption_daily", "gold.consumption_gsp_half_hourly",
                "gold.anomalies", "evaluation.anomaly_labels", MeterPseudonyms.KEYED + ".pseudonyms"}) {
                st.execute("DELETE FROM " + table);
            }
            st.execute("CHECKPOINT");
        }
    }

    @Override
    public void close() throws SQLException {
        root.close();
    }
}
