package uk.consumptioninsights.app.controls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a folder in the system's file manager with the platform's own command ({@code xdg-open}, {@code open},
 * {@code explorer}), on a thread of its own since starting a process may block. Not AWT's {@code Desktop} (the app
 * keeps AWT out, see LayeringArchitectureTest) nor {@code HostServices} (which on Linux hands a folder to a browser).
 */
public final class LogFolderOpener {

    private static final Logger LOG = LoggerFactory.getLogger(LogFolderOpener.class);

    private LogFolderOpener() {
    }

    /** Completes with nothing when the file manager was asked, exceptionally when it could not be. */
    public static CompletableFuture<Void> open(Path folder) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                openNow(folder);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not open the log folder {}: {}", folder, e.toString());
                done.completeExceptionally(e);
            }
        }, "open-log-folder");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static void openNow(Path folder) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String command = os.contains("win") ? "explorer" : os.contains("mac") ? "open" : "xdg-open";
        new ProcessBuilder(List.of(command, folder.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
