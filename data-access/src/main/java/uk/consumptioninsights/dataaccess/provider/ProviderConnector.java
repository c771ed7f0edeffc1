package uk.consumptioninsights.dataaccess.provider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLocation;

/**
 * Opens connections to a Databricks SQL warehouse through the official driver, within the settings' connect timeout
 * (the driver has no connect deadline of its own that covers discovery, OAuth and the session).
 */
public final class ProviderConnector {

    private final ProviderConnectionSettings settings;
    private final DatabricksJdbcUrl url;

    /**
     * @param driverOverrides extra driver properties that replace the defaults, for a test peer or an unusual
     *                        network (e.g. {@code ssl=0}); never secrets
     */
    public ProviderConnector(ProviderConnectionSettings settings, Optional<ProviderSecret> secret,
                             Map<String, String> driverOverrides) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.url = DatabricksJdbcUrl.of(settings, secret)
                .loggingTo(WorkspaceLocation.dataHome().resolve("logs"))
                .withOverrides(driverOverrides);
    }

    public ProviderConnector(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
        this(settings, secret, Map.of());
    }

    public ProviderConnectionSettings settings() {
        return settings;
    }

    /** The JDBC URL without secrets, for display. */
    public String displayUrl() {
        return url.url();
    }

    /** A new connection, or a {@link ProviderException} saying what to fix. */
    public Connection open() {
        loadDriver();
        CompletableFuture<Connection> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return DriverManager.getConnection(url.url(), url.properties());
            } catch (SQLException e) {
                throw new ProviderException(ProviderFailure.classify(e));
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "provider-connect");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            return opening.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The driver's thread cannot be stopped; its silent request ends by itself within the read timeout
            // (ProviderConnectionSettings.readTimeout), and a connection that arrives after the deadline is closed.
            opening.thenAccept(ProviderConnector::closeQuietly);
            throw new ProviderException(new ProviderFailure(FailureCategory.TIMEOUT, timeoutMessage(), "No answer within "
                    + settings.connectTimeout().toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opening.thenAccept(ProviderConnector::closeQuietly);
            throw new ProviderException(ProviderFailure.classify(new SQLException("Connecting was cancelled",
                    "EXECUTE_STATEMENT_CANCELLED")));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException failure) {
                throw failure;
            }
            throw new ProviderException(ProviderFailure.classify(e.getCause()));
        }
    }

    private String timeoutMessage() {
        return "The workspace did not answer within " + settings.connectTimeout().toSeconds() + " s. Check the host "
                + "and your network or VPN, and that the SQL warehouse is running (a stopped warehouse can take "
                + "minutes to start).";
    }

    /** Opens a session and asks who we are and which catalogs we can see: the dialog's "Test connection". */
    public ConnectionCheck check() {
        long started = System.nanoTime();
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            String user;
            String catalog;
            String schema;
            try (ResultSet rs = statement.executeQuery("SELECT current_user(), current_catalog(), current_schema()")) {
                rs.next();
                user = rs.getString(1);
                catalog = rs.getString(2);
                schema = rs.getString(3);
            }
            List<String> catalogs = listNames(statement, "SHOW CATALOGS");
            return new ConnectionCheck(user, catalog, schema, catalogs, Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw new ProviderException(ProviderFailure.classify(e));
        }
    }

    /** Schemas of a catalog the identity can see, for the picker. */
    public List<String> schemas(String catalog) {
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            return listNames(statement, "SHOW SCHEMAS IN " + quote(catalog));
        } catch (SQLException e) {
            throw new ProviderException(ProviderFailure.classify(e));
        }
    }

    static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    private static List<String> listNames(Statement statement, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void loadDriver() {
        try {
            Class.forName(DatabricksJdbcUrl.DRIVER_CLASS);
        } catch (ClassNotFoundException e) {
            throw new ProviderException(ProviderFailure.classify(new SQLException("No suitable driver for jdbc:databricks")));
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // Already abandoned: nothing more to do with it.
        }
    }
}
