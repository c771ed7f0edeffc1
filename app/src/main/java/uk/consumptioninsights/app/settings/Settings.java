package uk.consumptioninsights.app.settings;

import java.nio.file.Path;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.model.access.PurposeRole;

/** What the workbench remembers between runs. No secrets ever go here. */
public interface Settings {

    Optional<PurposeRole> lastRole();

    void saveLastRole(PurposeRole role);

    Optional<WindowSize> windowSize();

    void saveWindowSize(WindowSize size);

    /** The folder the last meter CSV was imported from, where the file chooser opens next time. */
    Optional<Path> lastImportFolder();

    void saveLastImportFolder(Path folder);

    /** The Databricks connection last connected to (host, path, namespace, sign-in kind, timeouts; never its secret). */
    default Optional<ProviderConnection> lastProviderConnection() {
        return Optional.empty();
    }

    default void saveLastProviderConnection(ProviderConnection connection) {
    }

    /** The theme chosen in View → Theme; empty before the first choice (the workbench then follows the system). */
    default Optional<ThemeChoice> theme() {
        return Optional.empty();
    }

    default void saveTheme(ThemeChoice choice) {
    }

    record WindowSize(double width, double height) {
    }

    /** @param profileName the saved profile it came from, or empty */
    record ProviderConnection(String profileName, ProviderConnectionSettings settings) {
    }

    /** Remembers nothing across runs: for tests and for when the preferences store cannot be used. */
    static Settings inMemory() {
        return new Settings() {
            private PurposeRole role;
            private WindowSize size;
            private Path importFolder;
            private ProviderConnection provider;
            private ThemeChoice theme;

            @Override
            public Optional<PurposeRole> lastRole() {
                return Optional.ofNullable(role);
            }

            @Override
            public void saveLastRole(PurposeRole newRole) {
                role = newRole;
            }

            @Override
            public Optional<WindowSize> windowSize() {
                return Optional.ofNullable(size);
            }

            @Override
            public void saveWindowSize(WindowSize newSize) {
                size = newSize;
            }

            @Override
            public Optional<Path> lastImportFolder() {
                return Optional.ofNullable(importFolder);
            }

            @Override
            public void saveLastImportFolder(Path folder) {
                importFolder = folder;
            }

            @Override
            public Optional<ProviderConnection> lastProviderConnection() {
                return Optional.ofNullable(provider);
            }

            @Override
            public void saveLastProviderConnection(ProviderConnection connection) {
                provider = connection;
            }

            @Override
            public Optional<ThemeChoice> theme() {
                return Optional.ofNullable(theme);
            }

            @Override
            public void saveTheme(ThemeChoice choice) {
                theme = choice;
            }
        };
    }
}
