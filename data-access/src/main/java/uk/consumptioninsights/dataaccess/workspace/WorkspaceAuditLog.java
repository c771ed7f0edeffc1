package uk.consumptioninsights.dataaccess.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Appends to the workspace's {@code meta.audit_log}: which purpose view the workbench read, or what it exported, how
 * many rows, by whom and when. It lives here rather than in the governance package because the workspace source
 * writes it, and governance (which reads it) already depends on the workspace.
 */
public final class WorkspaceAuditLog {

    public static final String READ = "read";
    public static final String EXPORT = "export";

    private static final String INSERT = "INSERT INTO meta.audit_log (event_time_utc, user_name, action, object, purpose, "
            + "rows_read, status) VALUES (?, ?, ?, ?, ?, ?, 'ok')";

    private final LocalWorkspace workspace;

    public WorkspaceAuditLog(LocalWorkspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** A read of {@code relation} (a purpose view, e.g. {@code gold.v_research_gsp_half_hourly}) under {@code role}. */
    public void read(PurposeRole role, String relation, long rows) {
        append(READ, role, relation, rows);
    }

    /** An export under {@code role}; {@code what} names what left the workbench, never the data itself. */
    public void export(PurposeRole role, String what, long rows) {
        append(EXPORT, role, what, rows);
    }

    private void append(String action, PurposeRole role, String object, long rows) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(object, "object");
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, UtcTimestamps.toColumn(Instant.now()));
            ps.setString(2, System.getProperty("user.name", "unknown"));
            ps.setString(3, action);
            ps.setString(4, object);
            ps.setString(5, role.name());
            ps.setLong(6, rows);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new SourceException("Could not write the " + action + " of " + object + " to the workspace's audit log.", e);
        }
    }
}
