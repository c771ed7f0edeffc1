package uk.consumptioninsights.dataaccess.provider;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The JDBC URL and connection properties for {@code com.databricks:databricks-jdbc} 3.x. The URL carries only
 * non-secret settings (it may be shown or logged); tokens and client secrets travel in the {@link Properties} only.
 */
public final class DatabricksJdbcUrl {

    public static final String DRIVER_CLASS = "com.databricks.client.jdbc.Driver";

    /** The driver logs the bearer token at DEBUG and TRACE; WARN is the most it is ever given. */
    static final String SAFE_LOG_LEVEL = "WARN";

    /** Property names whose values are secrets (the driver's keys are case-insensitive). */
    private static final Set<String> SECRET_KEYS = Set.of("pwd", "password", "oauth2secret", "auth_accesstoken");

    private static final String USER_AGENT = "ConsumptionInsightsWorkbench/0.1";
    private static final String LOG_PATH = "LogPath";

    private final String url;
    private final Map<String, String> properties;

    private DatabricksJdbcUrl(String url, Map<String, String> properties) {
        this.url = url;
        this.properties = properties;
    }

    /**
     * Builds the URL and properties.
     *
     * @param secret the personal access token or client secret; required exactly when the sign-in needs one
     */
    public static DatabricksJdbcUrl of(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(secret, "secret");
        SignIn signIn = settings.signIn();
        if (signIn.needsSecret() && secret.isEmpty()) {
            throw new IllegalArgumentException("Signing in with " + signIn.kind() + " needs a secret");
        }
        if (!signIn.needsSecret() && secret.isPresent()) {
            throw new IllegalArgumentException("Signing in with " + signIn.kind() + " takes no secret");
        }

        Map<String, String> visible = new LinkedHashMap<>();
        visible.put("ssl", "1");
        visible.put("httpPath", settings.httpPath());
        visible.put("UseThriftClient", settings.transport().useThriftClient());
        settings.catalog().ifPresent(catalog -> visible.put("ConnCatalog", catalog));
        settings.schema().ifPresent(schema -> visible.put("ConnSchema", schema));
        // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive in practice.
        if (signIn instanceof SignIn.PersonalAccessToken) {
            visible.put("AuthMech", "3");
        } else if (signIn instanceof SignIn.OAuthBrowser browser) {
            visible.put("AuthMech", "11");
            visible.put("Auth_Flow", "2");
            browser.clientId().ifPresent(id -> visible.put("OAuth2ClientId", id));
        } else if (signIn instanceof SignIn.OAuthClientCredentials m2m) {
            visible.put("AuthMech", "11");
            visible.put("Auth_Flow", "1");
            visible.put("OAuth2ClientId", m2m.clientId());
        }
        visible.put("EnableTelemetry", "0");
        visible.put("LogLevel", SAFE_LOG_LEVEL);
        visible.put("UserAgentEntry", USER_AGENT);
        // Server-side limit as a second line behind Statement.setQueryTimeout, which the driver may not honour (#1572).
        visible.put("STATEMENT_TIMEOUT", Long.toString(Math.max(1, settings.queryTimeout().toSeconds())));
        // A silent request must not outlive the connect deadline by much: see ProviderConnectionSettings.readTimeout().
        visible.put("SocketTimeout", Long.toString(settings.readTimeout().toSeconds()));

        StringBuilder url = new StringBuilder("jdbc:databricks://").append(settings.host());
        visible.forEach((key, value) -> url.append(';').append(key).append('=').append(value));

        Map<String, String> properties = new LinkedHashMap<>(visible);
        secret.ifPresent(value -> {
            if (signIn instanceof SignIn.PersonalAccessToken) {
                properties.put("UID", "token");
                properties.put("PWD", value.value());
            } else {
                properties.put("OAuth2Secret", value.value());
            }
        });
        return new DatabricksJdbcUrl(url.toString(), properties);
    }

    /**
     * These settings with some driver properties replaced or added (a test peer needs {@code ssl=0}, for one). Secrets
     * and the log level cannot be overridden: the log level stays safe whatever is asked.
     */
    public DatabricksJdbcUrl withOverrides(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(properties);
        overrides.forEach((key, value) -> {
            if (isSecretProperty(key) || key.equalsIgnoreCase("UID") || key.equalsIgnoreCase("LogLevel")
                    || key.equalsIgnoreCase(LOG_PATH) || !key.matches("[A-Za-z0-9_.]+") || value.contains(";")) {
                throw new IllegalArgumentException("Driver property " + key + " cannot be overridden");
            }
            merged.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
            merged.put(key, value);
        });
        return rebuilt(merged);
    }

    /**
     * These settings with the driver's log file in {@code directory}: without it the driver writes
     * {@code databricks_jdbc.log.0} into whatever folder the workbench was started from. The path travels in the
     * properties only, so the URL shown to the user does not carry it.
     */
    public DatabricksJdbcUrl loggingTo(Path directory) {
        Map<String, String> withLog = new LinkedHashMap<>(properties);
        withLog.put(LOG_PATH, directory.toAbsolutePath().toString());
        return rebuilt(withLog);
    }

    private DatabricksJdbcUrl rebuilt(Map<String, String> merged) {
        String host = url.substring("jdbc:databricks://".length(), url.indexOf(';'));
        StringBuilder rebuilt = new StringBuilder("jdbc:databricks://").append(host);
        merged.forEach((key, value) -> {
            if (!isSecretProperty(key) && !key.equalsIgnoreCase("UID") && !key.equalsIgnoreCase(LOG_PATH)) {
                rebuilt.append(';').append(key).append('=').append(value);
            }
        });
        return new DatabricksJdbcUrl(rebuilt.toString(), merged);
    }

    /** The JDBC URL; contains no secret. */
    public String url() {
        return url;
    }

    /** A fresh copy of the connection properties, secrets included: pass it to the driver, never to a log. */
    public Properties properties() {
        Properties copy = new Properties();
        properties.forEach(copy::setProperty);
        return copy;
    }

    /** Whether a property name carries a secret. */
    public static boolean isSecretProperty(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("DatabricksJdbcUrl[").append(url);
        properties.keySet().stream().filter(DatabricksJdbcUrl::isSecretProperty)
                .forEach(key -> text.append(", ").append(key).append("=redacted"));
        return text.append(']').toString();
    }
}
