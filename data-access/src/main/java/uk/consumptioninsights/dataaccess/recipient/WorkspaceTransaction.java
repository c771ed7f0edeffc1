package uk.consumptioninsights.dataaccess.recipient;

import java.sql.Connection;
import java.sql.SQLException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

/** One unit of work on a recipient workspace that commits whole or not at all. */
final class WorkspaceTransaction {

    private WorkspaceTransaction() {
    }

    @FunctionalInterface
    interface Body<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    static <T, E extends Exception> T run(LocalWorkspace workspace, Body<T, E> body) throws SQLException, E {
        T result;
        try (Connection c = workspace.newConnection()) {
            c.setAutoCommit(false);
            try {
                result = body.run(c);
                c.commit();
            } catch (Exception e) {
                // A rollback that fails too (the disk is still full) must not hide why the work failed.
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
        workspace.keepPrivate();
        return result;
    }
}
