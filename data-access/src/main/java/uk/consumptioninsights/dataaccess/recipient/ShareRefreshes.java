package uk.consumptioninsights.dataaccess.recipient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;

/** The history of loads and refreshes of a recipient workspace's shared tables ({@code meta.share_refreshes}). */
public final class ShareRefreshes {

    private ShareRefreshes() {
    }

    /** Adds {@code refresh} inside the caller's transaction, so history and data commit together. */
    static void record(Connection c, ShareRefresh refresh) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meta.share_refreshes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, refresh.table());
            ps.setObject(2, UtcTimestamps.toColumn(refresh.refreshedAt()));
            setOptional(ps, 3, refresh.fromVersion());
            ps.setLong(4, refresh.toVersion());
            ps.setString(5, refresh.mode().stored());
            ps.setLong(6, refresh.inserted());
            ps.setLong(7, refresh.deleted());
            ps.setLong(8, refresh.updated());
            setOptional(ps, 9, refresh.bytesDownloaded());
            ps.setDouble(10, refresh.seconds());
            ps.setString(11, refresh.reason());
            ps.executeUpdate();
        }
    }

    /** Every load and refresh of {@code table} ({@code share.schema.table}), newest first. */
    public static List<ShareRefresh> of(LocalWorkspace workspace, String table) throws SQLException {
        List<ShareRefresh> history = new ArrayList<>();
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT table_name, refreshed_at_utc, from_version, to_version, "
                     + "mode, rows_inserted, rows_deleted, rows_updated, bytes_downloaded, seconds, reason "
                     + "FROM meta.share_refreshes WHERE table_name = ? ORDER BY refreshed_at_utc DESC, to_version DESC")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new ShareRefresh(rs.getString(1), UtcTimestamps.fromColumn(rs.getObject(2)),
                            optional(rs, 3), rs.getLong(4),
                            RefreshMode.ofStored(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            optional(rs, 9), rs.getDouble(10), rs.getString(11)));
                }
            }
        }
        return history;
    }

    private static void setOptional(PreparedStatement ps, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.getAsLong());
        } else {
            ps.setNull(index, Types.BIGINT);
        }
    }

    private static OptionalLong optional(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
