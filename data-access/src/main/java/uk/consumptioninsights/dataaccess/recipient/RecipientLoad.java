package uk.consumptioninsights.dataaccess.recipient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.work.Progress;

/**
 * Puts a share's downloaded tables into a recipient workspace, all or nothing: consumption always, anomalies when the
 * share has them (otherwise the share's detections are emptied). Local detections of an earlier load are dropped, as
 * they were computed on other data. Each table's load is kept in the refresh history.
 */
public final class RecipientLoad {

    static final String FIRST_LOAD = "loaded from the share";

    private RecipientLoad() {
    }

    /** What was loaded, for the app's summary and the workspace description. */
    public record Loaded(long consumptionRows, long anomalyRows, long consumptionVersion) {
    }

    /**
     * @param shareName e.g. {@code elexon_consumption}, shown as the source's name
     * @param endpoint  where the share lives (host and path, never a token), shown as the source's location
     */
    public static Loaded load(LocalWorkspace workspace, String shareName, String endpoint, SharedTableFiles consumption,
                              Optional<SharedTableFiles> anomalies, Progress progress) throws SQLException {
        progress.checkCancelled();
        Instant started = Instant.now();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("kind", WorkspaceConsumptionSource.RECIPIENT_KIND);
        info.put("status", "READY");
        info.put("share", shareName);
        info.put("endpoint", endpoint);
        info.put(RecipientTable.CONSUMPTION.tableKey(), consumption.title());
        info.put(RecipientTable.CONSUMPTION.versionKey(), Long.toString(consumption.version()));
        anomalies.ifPresent(a -> {
            info.put(RecipientTable.ANOMALIES.tableKey(), a.title());
            info.put(RecipientTable.ANOMALIES.versionKey(), Long.toString(a.version()));
        });
        info.put("loaded_at_utc", started.toString());
        Loaded loaded = WorkspaceTransaction.run(workspace, c -> {
            Map<String, String> before = info(c);
            progress.report(0.1, "Reading " + consumption.title() + " into the workspace…");
            Replaced consumptionRows = replace(c, RecipientTable.CONSUMPTION, consumption);
            progress.checkCancelled();
            Replaced anomalyRows = new Replaced(0, 0);
            try (Statement st = c.createStatement()) {
                if (anomalies.isPresent()) {
                    progress.report(0.7, "Reading " + anomalies.get().title() + " into the workspace…");
                    anomalyRows = replace(c, RecipientTable.ANOMALIES, anomalies.get());
                } else {
                    st.execute("DELETE FROM shared.anomalies");
                }
                st.execute("DELETE FROM gold.anomalies");
                st.execute("DELETE FROM meta.workspace_info");
            }
            putInfo(c, info);
            double seconds = secondsSince(started);
            record(c, RecipientTable.CONSUMPTION, consumption, before, consumptionRows, OptionalLong.empty(), started,
                    seconds, FIRST_LOAD);
            if (anomalies.isPresent()) {
                record(c, RecipientTable.ANOMALIES, anomalies.get(), before, anomalyRows, OptionalLong.empty(),
                        started, seconds, FIRST_LOAD);
            }
            progress.checkCancelled();
            return new Loaded(consumptionRows.rows(), anomalyRows.rows(), consumption.version());
        });
        progress.report(1, "Loaded " + loaded.consumptionRows() + " readings");
        return loaded;
    }

    /**
     * Replaces one table of an already loaded share with a snapshot of a newer version, keeping the other table, and
     * records it in the history with {@code reason}. Local detections go when consumption changes.
     */
    public static ShareRefresh replace(LocalWorkspace workspace, RecipientTable table, SharedTableFiles files,
                                       OptionalLong bytesDownloaded, String reason, Clock clock, Progress progress)
            throws SQLException {
        progress.checkCancelled();
        Instant started = clock.instant();
        return WorkspaceTransaction.run(workspace, c -> {
            Map<String, String> before = info(c);
            progress.report(0.1, "Reading " + files.title() + " into the workspace…");
            Replaced rows = replace(c, table, files);
            progress.checkCancelled();
            if (table == RecipientTable.CONSUMPTION) {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM gold.anomalies");
                }
            }
            Map<String, String> info = new LinkedHashMap<>();
            info.put(table.tableKey(), files.title());
            info.put(table.versionKey(), Long.toString(files.version()));
            info.put("loaded_at_utc", clock.instant().toString());
            putInfo(c, info);
            ShareRefresh refresh = record(c, table, files, before, rows, bytesDownloaded, clock.instant(),
                    Duration.between(started, clock.instant()).toNanos() / 1e9, reason);
            progress.report(1, "Loaded " + rows.rows() + " rows of " + files.title());
            return refresh;
        });
    }

    /** Rows after a replacement, and the rows it replaced. */
    private record Replaced(long rows, long replaced) {
    }

    private static Replaced replace(Connection c, RecipientTable table, SharedTableFiles files) throws SQLException {
        long replaced = SharedTableImport.count(c, table.localName());
        return new Replaced(SharedTableImport.into(c, table.localName(), table.kind(), files), replaced);
    }

    private static ShareRefresh record(Connection c, RecipientTable table, SharedTableFiles files, Map<String, String> before,
                                       Replaced rows, OptionalLong bytes, Instant at, double seconds, String reason)
            throws SQLException {
        // The version before counts only when it was a version of the same shared table.
        OptionalLong from = files.title().equals(before.get(table.tableKey())) && before.containsKey(table.versionKey())
                ? OptionalLong.of(Long.parseLong(before.get(table.versionKey()))) : OptionalLong.empty();
        ShareRefresh refresh = new ShareRefresh(files.title(), at, from, files.version(), RefreshMode.SNAPSHOT,
                rows.rows(), rows.replaced(), 0, bytes, seconds, reason);
        ShareRefreshes.record(c, refresh);
        return refresh;
    }

    static Map<String, String> info(Connection c) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT key, value FROM meta.workspace_info")) {
            while (rs.next()) {
                info.put(rs.getString(1), rs.getString(2));
            }
        }
        return info;
    }

    static void putInfo(Connection c, Map<String, String> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO meta.workspace_info VALUES (?, ?)")) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                ps.setString(1, entry.getKey());
                ps.setString(2, entry.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static double secondsSince(Instant started) {
        return Duration.between(started, Instant.now()).toNanos() / 1e9;
    }
}
