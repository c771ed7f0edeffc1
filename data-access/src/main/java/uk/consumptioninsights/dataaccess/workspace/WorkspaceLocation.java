package uk.consumptioninsights.dataaccess.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where workspaces live: the platform's per-user data folder, unless the user (or a test) names another with the
 * {@code ciw.home} system property or the {@code CIW_HOME} environment variable.
 */
public final class WorkspaceLocation {

    static final String APP_FOLDER = "ConsumptionInsightsWorkbench";

    private WorkspaceLocation() {
    }

    public static Path dataHome() {
        return dataHome(System.getProperties(), System.getenv());
    }

    static Path dataHome(Properties properties, Map<String, String> env) {
        String override = properties.getProperty("ciw.home", env.get("CIW_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(properties.getProperty("user.home"));
        if (os.contains("win")) {
            String localAppData = env.get("LOCALAPPDATA");
            return (localAppData != null ? Path.of(localAppData) : home.resolve("AppData").resolve("Local")).resolve(APP_FOLDER);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_FOLDER);
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share"))
                .resolve(APP_FOLDER.toLowerCase(Locale.ROOT));
    }

    /** The default local workspace database. */
    public static Path defaultWorkspace() {
        return dataHome().resolve("workspaces").resolve("local.duckdb");
    }
}
