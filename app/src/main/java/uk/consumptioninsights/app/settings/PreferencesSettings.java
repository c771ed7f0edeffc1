package uk.consumptioninsights.app.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Settings in {@link java.util.prefs}, under a node the app names: {@link #DEFAULT_NODE}, or the {@code ciw.prefs.node}
 * system property so tests never touch the user's own settings.
 */
public final class PreferencesSettings implements Settings {

    public static final String NODE_PROPERTY = "ciw.prefs.node";
    public static final String DEFAULT_NODE = "uk/consumptioninsights/workbench";

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesSettings.class);
    private static final String ROLE = "lastRole";
    private static final String WIDTH = "windowWidth";
    private static final String HEIGHT = "windowHeight";
    private static final String IMPORT_FOLDER = "lastImportFolder";

    private final Preferences node;

    public PreferencesSettings(Preferences node) {
        this.node = node;
    }

    /** The node named by {@code ciw.prefs.node}, or the default one. */
    public static PreferencesSettings fromSystemProperties() {
        String name = System.getProperty(NODE_PROPERTY, DEFAULT_NODE);
        return new PreferencesSettings(Preferences.userRoot().node(name.startsWith("/") ? name.substring(1) : name));
    }

    public Preferences node() {
        return node;
    }

    @Override
    public Optional<PurposeRole> lastRole() {
        String stored = node.get(ROLE, null);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PurposeRole.valueOf(stored));
        } catch (IllegalArgumentException e) {
            LOG.info("Ignoring unknown remembered role {}", stored);
            return Optional.empty();
        }
    }

    @Override
    public void saveLastRole(PurposeRole role) {
        node.put(ROLE, role.name());
        flush();
    }

    @Override
    public Optional<WindowSize> windowSize() {
        double width = node.getDouble(WIDTH, -1);
        double height = node.getDouble(HEIGHT, -1);
        return width > 0 && height > 0 ? Optional.of(new WindowSize(width, height)) : Optional.empty();
    }

    @Override
    public void saveWindowSize(WindowSize size) {
        node.putDouble(WIDTH, size.width());
        node.putDouble(HEIGHT, size.height());
        flush();
    }

    @Override
    public Optional<Path> lastImportFolder() {
        String stored = node.get(IMPORT_FOLDER, null);
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(stored));
        } catch (InvalidPathException e) {
            LOG.info("Ignoring the remembered import folder {}: not a path here", stored);
            return Optional.empty();
        }
    }

    @Override
    public void saveLastImportFolder(Path folder) {
        node.put(IMPORT_FOLDER, folder.toAbsolutePath().toString());
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save settings; they will not be remembered", e);
        }
    }
}
