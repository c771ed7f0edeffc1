package uk.consumptioninsights.app.provider;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.provider.ConnectionCheck;
import uk.consumptioninsights.dataaccess.provider.ConnectionProfile;
import uk.consumptioninsights.dataaccess.provider.ConnectionProfiles;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.ProviderException;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.SignIn;
import uk.consumptioninsights.dataaccess.provider.Transport;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStoreUnavailable;
import uk.consumptioninsights.dataaccess.provider.credentials.ProviderCredentials;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretAbsent;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretFound;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretReadAnswer;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretWriteAnswer;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/**
 * File → Connect to Databricks…: where the warehouse is, how to sign in, and which catalog and schema hold the purpose
 * views. Tests the connection, lists catalogs and schemas, saves and loads named profiles (secrets only ever in the OS
 * credential store), and connects: the warehouse is opened in the background and handed to the shell.
 *
 * <p>The secret lives in {@link #secretProperty()} only: no other property, message, log line or saved file gets it,
 * and it is cleared once a connection is made or the dialog is closed.
 */
public final class ConnectDialogViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectDialogViewModel.class);
    static final String REDACTED = "[redacted]";

    private final WarehouseAccess warehouses;
    private final ConnectionProfiles profileStore;
    private final ProviderCredentials credentials;
    private final ShellViewModel shell;
    private final TaskRunner runner;
    private final WorkbenchSession session;
    private final Settings settings;

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty httpPath = new SimpleStringProperty(this, "httpPath", "");
    private final StringProperty catalog = new SimpleStringProperty(this, "catalog", "");
    private final StringProperty schema = new SimpleStringProperty(this, "schema", WarehouseConsumptionSource.DEFAULT_SCHEMA);
    private final ObjectProperty<SignInMethod> signInMethod =
            new SimpleObjectProperty<>(this, "signInMethod", SignInMethod.PERSONAL_ACCESS_TOKEN);
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final StringProperty secret = new SecretProperty(this, "secret");
    private final StringProperty profileName = new SimpleStringProperty(this, "profileName", "");
    private final BooleanProperty rememberSecret = new SimpleBooleanProperty(this, "rememberSecret", true);
    private final ObjectProperty<Integer> connectTimeoutSeconds = new SimpleObjectProperty<>(this, "connectTimeoutSeconds",
            (int) ProviderConnectionSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds());
    private final ObjectProperty<Integer> queryTimeoutSeconds = new SimpleObjectProperty<>(this, "queryTimeoutSeconds",
            (int) ProviderConnectionSettings.DEFAULT_QUERY_TIMEOUT.toSeconds());

    private final ObservableList<String> catalogs = FXCollections.observableArrayList();
    private final ObservableList<String> schemas = FXCollections.observableArrayList();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyCatalogs = FXCollections.unmodifiableObservableList(catalogs);
    private final ObservableList<String> readOnlySchemas = FXCollections.unmodifiableObservableList(schemas);
    private final ObservableList<String> readOnlyProfiles = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyObjectWrapper<ConnectionField> invalidField = new ReadOnlyObjectWrapper<>(this, "invalidField");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper dialogOpen = new ReadOnlyBooleanWrapper(this, "dialogOpen", false);
    private final BooleanBinding canConnect;
    private TaskHandle current = TaskHandle.NONE;

    public ConnectDialogViewModel(WarehouseAccess warehouses, ConnectionProfiles profileStore, ProviderCredentials credentials,
                                  ShellViewModel shell, TaskRunner runner, WorkbenchSession session, Settings settings) {
        this.warehouses = warehouses;
        this.profileStore = profileStore;
        this.credentials = credentials;
        this.shell = shell;
        this.runner = runner;
        this.session = session;
        this.settings = settings;
        this.canConnect = Bindings.createBooleanBinding(() -> !busy.get() && !host.get().isBlank()
                && !httpPath.get().isBlank(), busy, host, httpPath);
        settings.lastProviderConnection().ifPresent(last -> fill(last.profileName(), last.settings()));
    }

    /** Shows the dialog with the saved profiles listed. */
    public void open() {
        dialogOpen.set(true);
        refreshProfiles();
    }

    /** Closes the dialog: stops what runs and forgets the typed secret. */
    public void close() {
        current.cancel();
        busy.set(false);
        secret.set("");
        dialogOpen.set(false);
    }

    /** Signs in and reports who we are and how many catalogs are visible; false when the input is not valid. */
    public boolean testConnection() {
        Optional<Input> input = input();
        if (input.isEmpty() || busy.get()) {
            return false;
        }
        Input in = input.get();
        begin("Connecting to " + in.settings().host() + "…");
        current = runner.task("Testing the Databricks connection", progress -> {
                    progress.report(-1, "Signing in to " + in.settings().host() + "…");
                    return warehouses.check(in.settings(), in.secret());
                })
                .onSuccess(check -> {
                    busy.set(false);
                    catalogs.setAll(check.catalogs());
                    succeed(connectedText(check));
                })
                .onFailure(this::fail)
                .onCancelled(() -> cancelled("Testing the connection was cancelled."))
                .start();
        return true;
    }

    /** Lists the schemas of the catalog in the catalog field, for the schema picker. */
    public boolean loadSchemas() {
        Optional<Input> input = input();
        if (input.isEmpty() || busy.get()) {
            return false;
        }
        Input in = input.get();
        String chosen = in.settings().catalog().orElse(null);
        if (chosen == null) {
            invalid(ConnectionField.CATALOG, "Choose a catalog first (Test connection lists them).");
            return false;
        }
        begin("Listing the schemas in " + chosen + "…");
        current = runner.task("Listing Databricks schemas", progress -> warehouses.schemas(in.settings(), in.secret(), chosen))
                .onSuccess(found -> {
                    busy.set(false);
                    schemas.setAll(found);
                    succeed(found.size() + (found.size() == 1 ? " schema" : " schemas") + " in " + chosen + ".");
                })
                .onFailure(this::fail)
                .onCancelled(() -> cancelled("Listing the schemas was cancelled."))
                .start();
        return true;
    }

    /** Opens the warehouse in the background and shows it in the workbench. */
    public boolean connect() {
        Optional<Input> input = input();
        if (input.isEmpty() || busy.get()) {
            return false;
        }
        Input in = input.get();
        String name = profileName.get().strip();
        begin("Connecting to " + in.settings().host() + "…");
        session.dismissError();
        AtomicReference<OpenedSource> unclaimed = new AtomicReference<>();
        current = runner.task("Connecting to Databricks", progress -> {
                    progress.report(-1, "Signing in to " + in.settings().host() + "…");
                    WarehouseAccess.OpenedWarehouse opened = warehouses.open(in.settings(), in.secret());
                    unclaimed.set(opened.source());
                    progress.checkCancelled();
                    return opened;
                })
                .onSuccess(opened -> {
                    unclaimed.set(null);
                    busy.set(false);
                    shell.switchTo(opened.source());
                    settings.saveLastProviderConnection(new Settings.ProviderConnection(name, in.settings()));
                    secret.set("");
                    succeed(connectedText(opened.check()));
                    dialogOpen.set(false);
                })
                .onFailure(error -> {
                    release(unclaimed);
                    fail(error);
                })
                .onCancelled(() -> {
                    release(unclaimed);
                    cancelled("Connecting was cancelled. Still showing " + shell.sourceTitleProperty().get() + ".");
                })
                .start();
        return true;
    }

    /** Saves the settings under the profile name; the secret goes to the OS credential store, or nowhere. */
    public boolean saveProfile() {
        Optional<Input> input = input();
        if (input.isEmpty() || busy.get()) {
            return false;
        }
        String name = profileName.get().strip();
        if (name.isEmpty()) {
            invalid(ConnectionField.PROFILE_NAME, "Enter a name to save this connection under.");
            return false;
        }
        Input in = input.get();
        boolean keepSecret = rememberSecret.get() && in.secret().isPresent();
        begin("Saving " + name + "…");
        current = runner.task("Saving the connection " + name, progress -> {
                    profileStore.save(new ConnectionProfile(name, in.settings()));
                    return keepSecret ? Optional.of(credentials.remember(name, in.secret().get())) : Optional.<SecretWriteAnswer>empty();
                })
                .onSuccess(answer -> {
                    busy.set(false);
                    refreshProfiles();
                    String secretName = signInMethod.get().secretLabel().toLowerCase(Locale.ROOT);
                    if (answer.isEmpty()) {
                        succeed("Saved " + name + " (without a " + (secretName.isEmpty() ? "secret" : secretName) + ").");
                    } else if (answer.get() instanceof CredentialStoreUnavailable unavailable) {
                        succeed("Saved " + name + ", but not its " + secretName + ": " + unavailable.reason()
                                + " Type it again next time.");
                    } else {
                        succeed("Saved " + name + "; its " + secretName + " is in the OS credential store.");
                    }
                })
                .onFailure(this::fail)
                .onCancelled(() -> cancelled("Saving was cancelled."))
                .start();
        return true;
    }

    /** Fills the dialog from a saved profile, its secret recalled from the OS credential store. */
    public boolean loadProfile(String name) {
        if (name == null || name.isBlank() || busy.get()) {
            return false;
        }
        begin("Loading " + name + "…");
        current = runner.task("Loading the connection " + name, progress -> {
                    ConnectionProfile profile = profileStore.find(name)
                            .orElseThrow(() -> new IllegalArgumentException("There is no saved connection called " + name + "."));
                    SecretReadAnswer answer = profile.settings().signIn().needsSecret()
                            ? credentials.recall(profile.name()) : new SecretAbsent();
                    return new LoadedProfile(profile, answer);
                })
                .onSuccess(loaded -> {
                    busy.set(false);
                    ConnectionProfile profile = loaded.profile();
                    fill(profile.name(), profile.settings());
                    String secretName = signInMethod.get().secretLabel().toLowerCase(Locale.ROOT);
                    if (loaded.secret() instanceof SecretFound found) {
                        secret.set(found.secret().value());
                        succeed("Loaded " + profile.name() + "; its " + secretName + " came from the OS credential store.");
                    } else if (loaded.secret() instanceof CredentialStoreUnavailable unavailable) {
                        secret.set("");
                        succeed("Loaded " + profile.name() + ". " + unavailable.reason().replace("so the secret was not saved",
                                "so the secret could not be read") + " Type the " + secretName + ".");
                    } else if (profile.settings().signIn().needsSecret()) {
                        secret.set("");
                        succeed("Loaded " + profile.name() + ". No " + secretName + " is saved for it: type it to connect.");
                    } else {
                        secret.set("");
                        succeed("Loaded " + profile.name() + ".");
                    }
                })
                .onFailure(this::fail)
                .onCancelled(() -> cancelled("Loading was cancelled."))
                .start();
        return true;
    }

    /** Stops testing, listing or connecting; Esc does this while something runs. */
    public void cancel() {
        current.cancel();
    }

    private record LoadedProfile(ConnectionProfile profile, SecretReadAnswer secret) {
    }

    /** Validated settings and the secret they need. */
    private record Input(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
    }

    /** The settings from the fields, or empty with the field and its problem reported. */
    private Optional<Input> input() {
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
        // Each field through the settings' own checks in turn, so the message names the field that is wrong.
        Duration probe = Duration.ofSeconds(1);
        SignIn pat = new SignIn.PersonalAccessToken();
        List<FieldCheck> checks = List.of(
                new FieldCheck(ConnectionField.HOST, () -> new ProviderConnectionSettings(hostText, "/p", Optional.empty(),
                        Optional.empty(), pat, Transport.THRIFT, probe, probe)),
                new FieldCheck(ConnectionField.HTTP_PATH, () -> new ProviderConnectionSettings("h", httpPath.get(),
                        Optional.empty(), Optional.empty(), pat, Transport.THRIFT, probe, probe)),
                new FieldCheck(ConnectionField.CATALOG, () -> new ProviderConnectionSettings("h", "/p", Optional.of(catalog.get()),
                        Optional.empty(), pat, Transport.THRIFT, probe, probe)),
                new FieldCheck(ConnectionField.SCHEMA, () -> new ProviderConnectionSettings("h", "/p", Optional.empty(),
                        Optional.of(schema.get()), pat, Transport.THRIFT, probe, probe)));
        for (FieldCheck check : checks) {
            try {
                check.settings().run();
            } catch (IllegalArgumentException e) {
                return invalid(check.field(), e.getMessage() + ".");
            }
        }
        Optional<ProviderSecret> typed = Optional.ofNullable(secret.get()).filter(s -> !s.isBlank()).map(ProviderSecret::new);
        if (method.needsSecret() && typed.isEmpty()) {
            return invalid(ConnectionField.SECRET, "Enter the " + method.secretLabel().toLowerCase(Locale.ROOT)
                    + " (or load a saved profile whose secret is in the OS credential store).");
        }
        invalidField.set(null);
        ProviderConnectionSettings result = new ProviderConnectionSettings(hostText, httpPath.get(),
                Optional.of(catalog.get()), Optional.of(schema.get()), signIn, Transport.THRIFT,
                Duration.ofSeconds(connectSeconds), Duration.ofSeconds(querySeconds));
        return Optional.of(new Input(result, method.needsSecret() ? typed : Optional.empty()));
    }

    private record FieldCheck(ConnectionField field, Runnable settings) {
    }

    private Optional<Input> invalid(ConnectionField field, String problem) {
        invalidField.set(field);
        failed.set(true);
        details.set("");
        message.set(field.label() + ": " + problem);
        return Optional.empty();
    }

    private void fill(String name, ProviderConnectionSettings s) {
        profileName.set(name);
        host.set(s.host());
        httpPath.set(s.httpPath());
        catalog.set(s.catalog().orElse(""));
        schema.set(s.schema().orElse(WarehouseConsumptionSource.DEFAULT_SCHEMA));
        signInMethod.set(SignInMethod.of(s.signIn()));
        clientId.set(SignInMethod.clientIdOf(s.signIn()));
        connectTimeoutSeconds.set((int) s.connectTimeout().toSeconds());
        queryTimeoutSeconds.set((int) s.queryTimeout().toSeconds());
        invalidField.set(null);
    }

    private void refreshProfiles() {
        runner.task("Listing saved Databricks connections", progress -> profileStore.list().stream()
                        .map(ConnectionProfile::name).toList())
                .quiet()
                .onSuccess(profiles::setAll)
                .onFailure(error -> LOG.warn("Cannot list the saved Databricks connections: {}", error.getMessage()))
                .start();
    }

    private static String connectedText(ConnectionCheck check) {
        int count = check.catalogs().size();
        return "Connected as " + check.user() + "; " + count + (count == 1 ? " catalog" : " catalogs") + " visible";
    }

    private void begin(String text) {
        busy.set(true);
        failed.set(false);
        details.set("");
        message.set(text);
    }

    private void succeed(String text) {
        failed.set(false);
        details.set("");
        message.set(scrub(text));
    }

    private void cancelled(String text) {
        busy.set(false);
        failed.set(false);
        details.set("");
        message.set(text);
    }

    private void fail(Throwable error) {
        busy.set(false);
        failed.set(true);
        Optional<ProviderFailure> failure = providerFailure(error);
        if (failure.isPresent()) {
            message.set(scrub(failure.get().message()));
            details.set(scrub(failure.get().category() + ": " + failure.get().detail()));
            LOG.info("Databricks connection failed ({})", failure.get().category());
        } else if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            message.set(scrub(error.getMessage()));
            details.set("");
        } else {
            message.set(scrub(UserMessages.describe(error, "reach the Databricks warehouse")));
            details.set("");
            LOG.warn("Databricks connection failed unexpectedly: {}", error.getClass().getName());
        }
    }

    private static Optional<ProviderFailure> providerFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProviderException provider) {
                return Optional.of(provider.failure());
            }
        }
        return Optional.empty();
    }

    /** Driver text is redacted by pattern already; this also catches a secret that matches no pattern. */
    private String scrub(String text) {
        String value = secret.get();
        if (text == null) {
            return "";
        }
        return value == null || value.isBlank() ? text : text.replace(value, REDACTED);
    }

    private void release(AtomicReference<OpenedSource> unclaimed) {
        OpenedSource opened = unclaimed.getAndSet(null);
        if (opened != null) {
            opened.release().run();
        }
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty httpPathProperty() {
        return httpPath;
    }

    public StringProperty catalogProperty() {
        return catalog;
    }

    public StringProperty schemaProperty() {
        return schema;
    }

    public ObjectProperty<SignInMethod> signInMethodProperty() {
        return signInMethod;
    }

    /** The OAuth application (browser) or service principal (client credentials) id; not a secret. */
    public StringProperty clientIdProperty() {
        return clientId;
    }

    /** The token or client secret, for a password field only. Its {@code toString} never shows the value. */
    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    /** Whether Save profile also keeps the secret in the OS credential store. */
    public BooleanProperty rememberSecretProperty() {
        return rememberSecret;
    }

    public ObjectProperty<Integer> connectTimeoutSecondsProperty() {
        return connectTimeoutSeconds;
    }

    public ObjectProperty<Integer> queryTimeoutSecondsProperty() {
        return queryTimeoutSeconds;
    }

    /** Catalogs the last successful test listed. */
    public ObservableList<String> catalogs() {
        return readOnlyCatalogs;
    }

    public ObservableList<String> schemas() {
        return readOnlySchemas;
    }

    /** Names of the saved profiles. */
    public ObservableList<String> profiles() {
        return readOnlyProfiles;
    }

    /** Progress, the result, or what went wrong and what to check. Never a stack trace, never the secret. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The classified category and the driver's redacted text, for the dialog's Details disclosure. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The field the last validation message is about, or null. */
    public ReadOnlyObjectProperty<ConnectionField> invalidFieldProperty() {
        return invalidField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dialogOpenProperty() {
        return dialogOpen.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
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
