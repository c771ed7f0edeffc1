package uk.consumptioninsights.app.source;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

/** How the app lets go of workspaces: off the UI thread, and without failing when a close fails or the app is closing. */
final class WorkspaceClosing {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceClosing.class);

    private WorkspaceClosing() {
    }

    /** Runs {@code work} on the closer; once the app is closing the closer refuses, and close-all does the work. */
    static void later(Executor closer, Runnable work) {
        try {
            closer.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("Closer stopped; leaving the workspace to the app's close");
        }
    }

    /** Closes every workspace still in {@code open}, taking each out first so no one else closes it too. */
    static void all(Map<Path, LocalWorkspace> open) {
        for (Path file : List.copyOf(open.keySet())) {
            LocalWorkspace workspace = open.remove(file);
            if (workspace != null) {
                quietly(file, workspace);
            }
        }
    }

    static void quietly(Path file, LocalWorkspace workspace) {
        try {
            workspace.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not close the workspace {}", file, e);
        }
    }
}
