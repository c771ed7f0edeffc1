package uk.consumptioninsights.dataaccess;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

/** Direct SQL against a workspace, for tests that compare what the code computed with what the data says. */
public final class WorkspaceSql {

    private WorkspaceSql() {
    }

    public static long longOf(LocalWorkspace workspace, String sql) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static double doubleOf(LocalWorkspace workspace, String sql) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    public static List<String> strings(LocalWorkspace workspace, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
