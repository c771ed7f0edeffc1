package uk.consumptioninsights.dataaccess.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a child JVM by {@link PartialImportsTest}: another running workbench. With {@code import} it marks args[1] as
 * an unfinished import and creates the workspace, as an import does; with {@code open} it only opens the workspace, as
 * any program using the file would. Writes {@code ready}, then holds everything until its standard input closes, and
 * ends without completing the import.
 */
public final class WorkspaceHolder {

    private WorkspaceHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[1]);
        UnfinishedImport mark = args[0].equals("import") ? UnfinishedImport.begin(database, "held.csv") : null;
        try (LocalWorkspace workspace = LocalWorkspace.open(database)) {
            workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name(), "kind", "imported"));
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holds the workspace (and the mark) until the test closes this input.
            }
        } finally {
            if (mark != null) {
                mark.close();
            }
        }
    }
}
