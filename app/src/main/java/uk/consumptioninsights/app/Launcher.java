package uk.consumptioninsights.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.instance.MacOpenFileEvents;
import uk.consumptioninsights.app.instance.OpenRequests;
import uk.consumptioninsights.app.instance.SingleInstance;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLocation;

/**
 * The main class. It does not extend {@link Application}, so the app starts from a plain class path (and from a
 * jpackage launcher) without the JavaFX launcher checks for modules. A launch while the workbench is already open for
 * the same data home hands its files to the open window and exits.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private static final OpenRequests REQUESTS = new OpenRequests();
    /** Held for the life of the process: while it is, later launches forward their files here. */
    private static SingleInstance instance;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (handedToRunningWorkbench(List.of(args))) {
            return;
        }
        MacOpenFileEvents.forwardTo(REQUESTS);
        Application.launch(WorkbenchApplication.class, args);
    }

    /** Files opened after start: a later launch's arguments and macOS open-file events. */
    static OpenRequests openRequests() {
        return REQUESTS;
    }

    private static boolean handedToRunningWorkbench(List<String> args) {
        Path home;
        try {
            home = WorkspaceLocation.dataHome();
        } catch (InvalidPathException | UncheckedIOException e) {
            return false; // WorkbenchApplication explains a data home it cannot use
        }
        try {
            Optional<SingleInstance> claimed = SingleInstance.claim(home, REQUESTS);
            if (claimed.isPresent()) {
                instance = claimed.get();
                return false;
            }
            // The running workbench may still be starting (its lock taken, its port not yet written): retry briefly.
            for (int attempt = 0; attempt < 20; attempt++) {
                if (SingleInstance.forward(home, args)) {
                    LOG.info("The workbench is already open; {}", args.isEmpty() ? "it is brought to the front"
                            : "it opens " + String.join(" ", args));
                    return true;
                }
                Thread.sleep(250);
            }
            LOG.warn("Another workbench holds {} but does not answer; starting a second one", home);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not check for a workbench already open ({}); starting this one", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
