package uk.consumptioninsights.dataaccess.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a child JVM by {@link PartialImportsTest}: another running workbench importing into args[0]. It marks the
 * workspace as an unfinished import and creates it, as an import does, writes {@code ready}, then holds both until its
 * standard input closes, and ends without completing the import.
 */
public final class HeldImport {

    private HeldImport() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        try (UnfinishedImport mark = UnfinishedImport.begin(database, "held.csv");
             LocalWorkspace workspace = LocalWorkspace.open(database)) {
            workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name(), "kind", "imported"));
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holds the workspace and its mark until the test closes this input.
            }
        }
    }
}
