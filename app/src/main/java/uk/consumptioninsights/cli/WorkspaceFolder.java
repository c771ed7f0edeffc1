package uk.consumptioninsights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.synthetic.FleetSettings;

/**
 * Which workspace a command works on, from {@code --workspace}: nothing means the app's own data home
 * ({@code ciw.home}, {@code CIW_HOME}, else the platform's user data folder) and its default workspace
 * {@code workspaces/local.duckdb}; a folder is taken as a data home laid out the same way; a {@code .duckdb} file is
 * that workspace (one an import made, or a share's copy under {@code recipients}). Imports go beside the workspace and
 * shares' copies to the data home's {@code recipients} folder, exactly where the app puts them.
 */
record WorkspaceFolder(Path workspaceFile, boolean named) {

    static WorkspaceFolder of(Path option) {
        if (option == null) {
            return new WorkspaceFolder(AppConfig.fromSystemProperties().workspaceFile(), false);
        }
        Path path = option.toAbsolutePath().normalize();
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".duckdb")) {
            return new WorkspaceFolder(path, true);
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new BadArgument("--workspace " + option + " is neither a folder nor a .duckdb workspace file");
        }
        return new WorkspaceFolder(path.resolve("workspaces").resolve("local.duckdb"), false);
    }

    /** The app's configuration for this workspace: where imports and shares' copies go, the fleet a build makes. */
    AppConfig config(FleetSettings fleet) {
        return new AppConfig(workspaceFile, fleet);
    }

    /** A share's copy lives in the data home's recipients folder and is opened with the recipient layout. */
    boolean recipientCopy() {
        Path folder = workspaceFile.getParent();
        return named && folder != null && folder.getFileName() != null
                && folder.getFileName().toString().equals("recipients");
    }

    /**
     * Opens a workspace that is already there and complete. A missing one is a usage problem when it was named, and a
     * data problem (nothing generated yet) for the default.
     */
    LocalWorkspace openExisting() throws Exception {
        if (!Files.isRegularFile(workspaceFile)) {
            String message = "There is no workspace at " + workspaceFile + ". Run 'ciw generate' or 'ciw import <csv>' "
                    + "first, or name one with --workspace.";
            if (named) {
                throw new BadArgument(message);
            }
            throw new MissingWorkspace(message);
        }
        LocalWorkspace workspace = LocalWorkspace.open(workspaceFile,
                recipientCopy() ? WorkspaceLayout.RECIPIENT : WorkspaceLayout.LOCAL);
        if (!recipientCopy() && workspace.status() != WorkspaceStatus.READY) {
            workspace.close();
            throw new MissingWorkspace("The workspace at " + workspaceFile + " was never completed (a build or import "
                    + "was cut short). Run 'ciw generate' to build it again, or import the file again.");
        }
        return workspace;
    }

    /** No complete workspace where one was expected: a data problem, exit 3. */
    static final class MissingWorkspace extends RuntimeException {
        MissingWorkspace(String message) {
            super(message);
        }
    }
}
