package uk.consumptioninsights.app.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.SignIn;
import uk.consumptioninsights.dataaccess.provider.Transport;
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
    private static final String PROVIDER = "provider.";
    private static final String THEME = "theme";

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

    @Override
    public Optional<ThemeChoice> theme() {
        String stored = node.get(THEME, null);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ThemeChoice.valueOf(stored));
        } catch (IllegalArgumentException e) {
            LOG.info("Ignoring unknown remembered theme {}", stored);
            return Optional.empty();
        }
    }

    @Override
    public void saveTheme(ThemeChoice choice) {
        node.put(THEME, choice.name());
        flush();
    }

    @Override
    public Optional<ProviderConnection> lastProviderConnection() {
        String host = node.get(PROVIDER + "host", null);
        if (host == null) {
            return Optional.empty();
        }
        try {
            Optional<String> clientId = Optional.ofNullable(node.get(PROVIDER + "clientId", null));
            SignIn signIn = switch (node.get(PROVIDER + "signIn", "")) {
                case "oauth-browser" -> new SignIn.OAuthBrowser(clientId);
                case "oauth-client-credentials" -> new SignIn.OAuthClientCredentials(clientId.orElse(""));
                default -> new SignIn.PersonalAccessToken();
            };
            ProviderConnectionSettings settings = new ProviderConnectionSettings(host, node.get(PROVIDER + "httpPath", ""),
                    Optional.ofNullable(node.get(PROVIDER + "catalog", null)), Optional.ofNullable(node.get(PROVIDER + "schema", null)),
                    signIn, Transport.valueOf(node.get(PROVIDER + "transport", Transport.THRIFT.name())),
                    Duration.ofSeconds(node.getLong(PROVIDER + "connectTimeoutSeconds", 60)),
                    Duration.ofSeconds(node.getLong(PROVIDER + "queryTimeoutSeconds", 300)));
            return Optional.of(new ProviderConnection(node.get(PROVIDER + "profile", ""), settings));
        } catch (IllegalArgumentException e) {
            LOG.info("Ignoring the remembered Databricks connection: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void saveLastProviderConnection(ProviderConnection connection) {
        ProviderConnectionSettings s = connection.settings();
        node.put(PROVIDER + "profile", connection.profileName());
        node.put(PROVIDER + "host", s.host());
        node.put(PROVIDER + "httpPath", s.httpPath());
        putOrRemove(PROVIDER + "catalog", s.catalog());
        putOrRemove(PROVIDER + "schema", s.schema());
        node.put(PROVIDER + "signIn", s.signIn().kind());
        Optional<String> clientId = s.signIn() instanceof SignIn.OAuthClientCredentials m2m ? Optional.of(m2m.clientId())
                : s.signIn() instanceof SignIn.OAuthBrowser browser ? browser.clientId() : Optional.empty();
        putOrRemove(PROVIDER + "clientId", clientId);
        node.put(PROVIDER + "transport", s.transport().name());
        node.putLong(PROVIDER + "connectTimeoutSeconds", s.connectTimeout().toSeconds());
        node.putLong(PROVIDER + "queryTimeoutSeconds", s.queryTimeout().toSeconds());
        flush();
    }

    private void putOrRemove(String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.remove(key);
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save settings; they will not be remembered", e);
        }
    }
}
