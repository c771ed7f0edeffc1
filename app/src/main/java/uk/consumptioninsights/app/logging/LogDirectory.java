package uk.consumptioninsights.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLocation;

/**
 * Tells logback.xml where the log files go: {@code <data home>/logs} (honouring {@code ciw.home}), owner-only. When
 * that folder cannot be created or written (a read-only or foreign data folder), a private folder under the system's
 * temporary folder instead, so that a failure is still logged; {@link #current} says which, for messages.
 */
public final class LogDirectory extends PropertyDefinerBase {

    private static volatile Path chosen;

    @Override
    public String getPropertyValue() {
        return current().toString();
    }

    /** The folder the log files are written to (chosen once per process). */
    public static Path current() {
        Path folder = chosen;
        if (folder == null) {
            synchronized (LogDirectory.class) {
                if (chosen == null) {
                    chosen = choose();
                }
                folder = chosen;
            }
        }
        return folder;
    }

    private static Path choose() {
        try {
            Path home = OwnerOnly.folder(WorkspaceLocation.dataHome());
            return writable(home.resolve("logs"));
        } catch (UncheckedIOException | IOException | InvalidPathException | SecurityException e) {
            // A fresh folder of this process's own: a fixed name under a shared temporary folder could be another
            // user's.
            try {
                return OwnerOnly.folder(Files.createTempDirectory("consumption-insights-logs-"));
            } catch (UncheckedIOException | IOException | SecurityException again) {
                return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            }
        }
    }

    private static Path writable(Path folder) throws IOException {
        Path absolute = OwnerOnly.folder(folder.toAbsolutePath());
        Path probe = Files.createTempFile(absolute, "probe", ".tmp");
        Files.delete(probe);
        return absolute;
    }
}
