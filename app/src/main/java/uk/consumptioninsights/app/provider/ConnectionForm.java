package uk.consumptioninsights.app.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.SignIn;
import uk.consumptioninsights.dataaccess.provider.Transport;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;

/**
 * The connect dialog's fields and their checks: each field goes through the settings type's own check for it, so a
 * message names the field that is wrong. The secret lives in {@link #secret} only.
 */
final class ConnectionForm {

    static final String REDACTED = "[redacted]";

    /** Validated settings and the secret they need. */
    record Input(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
    }

    /** Which field is wrong and why, for the user. */
    record Problem(ConnectionField field, String text) {
    }

    /** Either the input or the first problem. */
    sealed interface Checked permits Valid, Invalid {
    }

    record Valid(Input input) implements Checked {
    }

    record Invalid(Problem problem) implements Checked {
    }

    final StringProperty host = new SimpleStringProperty(this, "host", "");
    final StringProperty httpPath = new SimpleStringProperty(this, "httpPath", "");
    final StringProperty catalog = new SimpleStringProperty(this, "catalog", "");
    final StringProperty schema = new SimpleStringProperty(this, "schema", WarehouseConsumptionSource.DEFAULT_SCHEMA);
    final ObjectProperty<SignInMethod> signInMethod =
            new SimpleObjectProperty<>(this, "signInMethod", SignInMethod.PERSONAL_ACCESS_TOKEN);
    final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    final StringProperty secret = new SecretProperty(this, "secret");
    final StringProperty profileName = new SimpleStringProperty(this, "profileName", "");
    final BooleanProperty rememberSecret = new SimpleBooleanProperty(this, "rememberSecret", true);
    final ObjectProperty<Integer> connectTimeoutSeconds = new SimpleObjectProperty<>(this, "connectTimeoutSeconds",
            (int) ProviderConnectionSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds());
    final ObjectProperty<Integer> queryTimeoutSeconds = new SimpleObjectProperty<>(this, "queryTimeoutSeconds",
            (int) ProviderConnectionSettings.DEFAULT_QUERY_TIMEOUT.toSeconds());

    /** The settings from the fields, or the first field that is wrong. */
    Checked check() {
        String hostText = host.get().strip();
        if (hostText.isEmpty()) {
            return invalid(ConnectionField.HOST, "Enter the workspace host, e.g. adb-1234567890123456.7.azuredatabricks.net.");
        }
        if (httpPath.get().isBlank()) {
            return invalid(ConnectionField.HTTP_PATH, "Enter the SQL warehouse's HTTP path, e.g. /sql/1.0/warehouses/abc123.");
        }
        SignInMethod method = signInMethod.get();
        SignIn signIn;
        try {
            signIn = method.toSignIn(clientId.get());
        } catch (IllegalArgumentException e) {
            return invalid(ConnectionField.CLIENT_ID, e.getMessage() + ".");
        }
        Integer connectSeconds = connectTimeoutSeconds.get();
        if (connectSeconds == null || connectSeconds <= 0) {
            return invalid(ConnectionField.CONNECT_TIMEOUT, "Enter a whole number of seconds above zero.");
        }
        Integer querySeconds = queryTimeoutSeconds.get();
        if (querySeconds == null || querySeconds <= 0) {
            return invalid(ConnectionField.QUERY_TIMEOUT, "Enter a whole number of seconds above zero.");
        }
        Optional<Problem> wrong = fieldCheck(ConnectionField.HOST, hostText, ProviderConnectionSettings::normaliseHost)
                .or(() -> fieldCheck(ConnectionField.HTTP_PATH, httpPath.get(), ProviderConnectionSettings::normaliseHttpPath))
                .or(() -> fieldCheck(ConnectionField.CATALOG, catalog.get(), name -> nameCheck(name, "catalog")))
                .or(() -> fieldCheck(ConnectionField.SCHEMA, schema.get(), name -> nameCheck(name, "schema")));
        if (wrong.isPresent()) {
            return new Invalid(wrong.get());
        }
        Optional<ProviderSecret> typed = Optional.ofNullable(secret.get()).filter(s -> !s.isBlank()).map(ProviderSecret::new);
        if (method.needsSecret() && typed.isEmpty()) {
            return invalid(ConnectionField.SECRET, "Enter the " + method.secretLabel().toLowerCase(Locale.ROOT)
                    + " (or load a saved profile whose secret is in the OS credential store).");
        }
        ProviderConnectionSettings result = new ProviderConnectionSettings(hostText, httpPath.get(),
                Optional.of(catalog.get()), Optional.of(schema.get()), signIn, Transport.THRIFT,
                Duration.ofSeconds(connectSeconds), Duration.ofSeconds(querySeconds));
        return new Valid(new Input(result, method.needsSecret() ? typed : Optional.empty()));
    }

    private static Optional<Problem> fieldCheck(ConnectionField field, String value, UnaryOperator<String> check) {
        try {
            check.apply(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem(field, e.getMessage() + "."));
        }
    }

    private static String nameCheck(String value, String what) {
        return ProviderConnectionSettings.name(Optional.of(value), what).orElse("");
    }

    private static Invalid invalid(ConnectionField field, String text) {
        return new Invalid(new Problem(field, text));
    }

    /** Shows saved settings in the fields. */
    void fill(String name, ProviderConnectionSettings s) {
        profileName.set(name);
        host.set(s.host());
        httpPath.set(s.httpPath());
        catalog.set(s.catalog().orElse(""));
        schema.set(s.schema().orElse(WarehouseConsumptionSource.DEFAULT_SCHEMA));
        signInMethod.set(SignInMethod.of(s.signIn()));
        clientId.set(SignInMethod.clientIdOf(s.signIn()));
        connectTimeoutSeconds.set((int) s.connectTimeout().toSeconds());
        queryTimeoutSeconds.set((int) s.queryTimeout().toSeconds());
    }

    /** What the secret is called for the sign-in chosen, in lower case: "token", "client secret", or empty. */
    String secretName() {
        return signInMethod.get().secretLabel().toLowerCase(Locale.ROOT);
    }

    /** Driver text is redacted by pattern already; this also catches a secret that matches no pattern. */
    String scrub(String text) {
        String value = secret.get();
        if (text == null) {
            return "";
        }
        return value == null || value.isBlank() ? text : text.replace(value, REDACTED);
    }

    /** A string property whose {@code toString} leaves the value out, so a logged bean or property leaks nothing. */
    private static final class SecretProperty extends SimpleStringProperty {
        SecretProperty(Object bean, String name) {
            super(bean, name, "");
        }

        @Override
        public String toString() {
            return "SecretProperty[name: " + getName() + ", value: " + REDACTED + "]";
        }
    }
}
