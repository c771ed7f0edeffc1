package uk.consumptioninsights.dataaccess.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach a Databricks SQL warehouse. Contains no secret, so it can be saved and shown as it is.
 *
 * @param host           workspace host name, e.g. {@code adb-123.4.azuredatabricks.net} (a pasted https URL is reduced to its host)
 * @param httpPath       the warehouse's HTTP path, e.g. {@code /sql/1.0/warehouses/abc123}
 * @param catalog        initial Unity Catalog catalog, if any
 * @param schema         initial schema, if any
 * @param connectTimeout how long opening a connection may take
 * @param queryTimeout   how long one statement may run
 */
public record ProviderConnectionSettings(
        String host,
        String httpPath,
        Optional<String> catalog,
        Optional<String> schema,
        SignIn signIn,
        Transport transport,
        Duration connectTimeout,
        Duration queryTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(5);

    /** A warehouse may hold a request up to 10 s waiting for direct results; twice that is the least a read may wait. */
    static final Duration MIN_READ_TIMEOUT = Duration.ofSeconds(20);
    /** A live warehouse answers every request within seconds (a starting one answers 503 and is asked again). */
    static final Duration MAX_READ_TIMEOUT = Duration.ofSeconds(60);

    // Letters, digits, dots and hyphens with an optional port: anything else would break out of the JDBC URL.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\\d{1,5})?");
    private static final Pattern HTTP_PATH = Pattern.compile("/?[A-Za-z0-9._~/-]+");
    private static final Pattern NAME = Pattern.compile("[^;=`]+");

    public ProviderConnectionSettings {
        host = normaliseHost(Objects.requireNonNull(host, "host"));
        httpPath = normaliseHttpPath(Objects.requireNonNull(httpPath, "httpPath"));
        catalog = name(catalog, "catalog");
        schema = name(schema, "schema");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(transport, "transport");
        connectTimeout = positive(connectTimeout, "connectTimeout");
        queryTimeout = positive(queryTimeout, "queryTimeout");
    }

    /** Settings with the default timeouts and the Thrift transport (the one that also serves all-purpose clusters). */
    public static ProviderConnectionSettings of(String host, String httpPath, String catalog, SignIn signIn) {
        return new ProviderConnectionSettings(host, httpPath, Optional.ofNullable(catalog), Optional.empty(), signIn,
                Transport.THRIFT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_QUERY_TIMEOUT);
    }

    /**
     * How long one HTTP exchange with the workspace may stay silent before the driver gives up on it: the connect
     * timeout, kept between 20 and 60 s.
     *
     * <p>Why it matters beyond one request: databricks-jdbc 3.4.5 resolves the workspace's host metadata while holding
     * a lock in a JVM-wide map ({@code DatabricksClientConfiguratorManager}), so an attempt abandoned at the connect
     * deadline whose request never got an answer blocks later attempts that hash to the same lock, for as long as that
     * request may wait (the driver's default is 900 s). Bounding the wait by the connect timeout makes an abandoned
     * attempt let go by itself soon after its own deadline, so trying again starts clean.
     */
    public Duration readTimeout() {
        if (connectTimeout.compareTo(MIN_READ_TIMEOUT) < 0) {
            return MIN_READ_TIMEOUT;
        }
        return connectTimeout.compareTo(MAX_READ_TIMEOUT) > 0 ? MAX_READ_TIMEOUT : connectTimeout;
    }

    /**
     * The host as the settings keep it, checked on its own: a form checks each field this way to say which one is
     * wrong. Throws {@link IllegalArgumentException} saying why it is not a host.
     */
    public static String normaliseHost(String raw) {
        String host = raw.strip();
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            host = host.substring("https://".length());
        } else if (lower.startsWith("http://")) {
            host = host.substring("http://".length());
        }
        while (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("Not a workspace host name: '" + raw.strip()
                    + "' (expected something like adb-1234567890123456.7.azuredatabricks.net)");
        }
        return host;
    }

    /** The HTTP path as the settings keep it, checked on its own; throws {@link IllegalArgumentException}. */
    public static String normaliseHttpPath(String raw) {
        String path = raw.strip();
        if (!HTTP_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Not an HTTP path: '" + path
                    + "' (copy it from the warehouse's Connection details, e.g. /sql/1.0/warehouses/abc123)");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** A catalog or schema name ({@code what}) as the settings keep it, checked on its own; throws {@link IllegalArgumentException}. */
    public static Optional<String> name(Optional<String> value, String what) {
        Optional<String> stripped = Objects.requireNonNull(value, what).map(String::strip).filter(v -> !v.isEmpty());
        stripped.ifPresent(v -> {
            if (!NAME.matcher(v).matches()) {
                throw new IllegalArgumentException("The " + what + " name cannot contain ';', '=' or '`': " + v);
            }
        });
        return stripped;
    }

    private static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }
}
