package uk.consumptioninsights.dataaccess.recipient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.work.Progress;

/**
 * Puts a share's downloaded tables into a recipient workspace, all or nothing: consumption always, anomalies when the
 * share has them (otherwise the share's detections are emptied). Local detections of an earlier load are dropped, as
 * they were computed on other data.
 */
public final class RecipientLoad {

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
        Map<String, String> info = new LinkedHashMap<>();
        info.put("kind", WorkspaceConsumptionSource.RECIPIENT_KIND);
        info.put("status", "READY");
        info.put("share", shareName);
        info.put("endpoint", endpoint);
        info.put("consumption_table", consumption.title());
        info.put("consumption_version", Long.toString(consumption.version()));
        anomalies.ifPresent(a -> {
            info.put("anomalies_table", a.title());
            info.put("anomalies_version", Long.toString(a.version()));
        });
        info.put("loaded_at_utc", Instant.now().toString());
        long consumptionRows;
        long anomalyRows = 0;
        try (Connection c = workspace.newConnection()) {
            c.setAutoCommit(false);
            try {
                progress.report(0.1, "Reading " + consumption.title() + " into the workspace…");
                consumptionRows = SharedTableImport.into(c, "shared.consumption_half_hourly", SharedTableKind.CONSUMPTION,
                        consumption);
                progress.checkCancelled();
                try (Statement st = c.createStatement()) {
                    if (anomalies.isPresent()) {
                        progress.report(0.7, "Reading " + anomalies.get().title() + " into the workspace…");
                        anomalyRows = SharedTableImport.into(c, "shared.anomalies", SharedTableKind.ANOMALIES, anomalies.get());
                    } else {
                        st.execute("DELETE FROM shared.anomalies");
                    }
                    st.execute("DELETE FROM gold.anomalies");
                    st.execute("DELETE FROM meta.workspace_info");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta.workspace_info VALUES (?, ?)")) {
                    for (Map.Entry<String, String> entry : info.entrySet()) {
                        ps.setString(1, entry.getKey());
                        ps.setString(2, entry.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                progress.checkCancelled();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                // A rollback that fails too (the disk is still full) must not hide why the load failed.
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
        workspace.keepPrivate();
        progress.report(1, "Loaded " + consumptionRows + " readings");
        return new Loaded(consumptionRows, anomalyRows, consumption.version());
    }
}
