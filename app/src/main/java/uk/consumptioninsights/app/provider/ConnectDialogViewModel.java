package uk.consumptioninsights.app.provider;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.session.SourceSwitch;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.app.task.Work;
import uk.consumptioninsights.dataaccess.provider.ConnectionProfile;
import uk.consumptioninsights.dataaccess.provider.ConnectionProfiles;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStoreUnavailable;
import uk.consumptioninsights.dataaccess.provider.credentials.ProviderCredentials;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretAbsent;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretReadAnswer;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretWriteAnswer;

/**
 * File → Connect to Databricks…: where the warehouse is, how to sign in, and which catalog and schema hold the purpose
 * views. Tests the connection, lists catalogs and schemas, saves and loads named profiles (secrets only ever in the OS
 * credential store), and connects: the warehouse is opened through the {@link SourceSwitch} and shown.
 *
 * <p>The fields and their checks are in {@link ConnectionForm}, what the dialog says in {@link ConnectionStatus}. The
 * secret lives in {@link #secretProperty()} only: no other property, message, log line or saved file gets it, and it
 * is cleared once a connection is made or the dialog is closed.
 */
public final class ConnectDialogViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectDialogViewModel.class);
    static final String REDACTED = ConnectionForm.REDACTED;

    private final WarehouseAccess warehouses;
    private final ConnectionProfiles profileStore;
    private final ProviderCredentials credentials;
    private final SourceSwitch sources;
    private final TaskRunner runner;
    private final WorkbenchSession session;
    private final Settings settings;

    private final ConnectionForm form = new ConnectionForm();
    private final ConnectionStatus status = new ConnectionStatus(form::scrub);
    private final ObservableList<String> catalogs = FXCollections.observableArrayList();
    private final ObservableList<String> schemas = FXCollections.observableArrayList();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyCatalogs = FXCollections.unmodifiableObservableList(catalogs);
    private final ObservableList<String> readOnlySchemas = FXCollections.unmodifiableObservableList(schemas);
    private final ObservableList<String> readOnlyProfiles = FXCollections.unmodifiableObservableList(profiles);
    private final ReadOnlyBooleanWrapper dialogOpen = new ReadOnlyBooleanWrapper(this, "dialogOpen", false);
    private final BooleanBinding canConnect;
    private TaskHandle current = TaskHandle.NONE;

    public ConnectDialogViewModel(WarehouseAccess warehouses, ConnectionProfiles profileStore, ProviderCredentials credentials,
                                  SourceSwitch sources, TaskRunner runner, WorkbenchSession session, Settings settings) {
        this.warehouses = warehouses;
        this.profileStore = profileStore;
        this.credentials = credentials;
        this.sources = sources;
        this.runner = runner;
        this.session = session;
        this.settings = settings;
        this.canConnect = Bindings.createBooleanBinding(() -> !status.busy.get() && !form.host.get().isBlank()
                && !form.httpPath.get().isBlank(), status.busy, form.host, form.httpPath);
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
        status.busy.set(false);
        form.secret.set("");
        dialogOpen.set(false);
    }

    /** Signs in and reports who we are and how many catalogs are visible; false when the input is not valid. */
    public boolean testConnection() {
        return input().map(in -> command("Testing the Databricks connection", "Connecting to " + in.settings().host() + "…",
                progress -> {
                    progress.report(-1, "Signing in to " + in.settings().host() + "…");
                    return warehouses.check(in.settings(), in.secret());
                }, check -> {
                    catalogs.setAll(check.catalogs());
                    status.succeed(ConnectionStatus.connected(check));
                }, "Testing the connection was cancelled.")).orElse(false);
    }

    /** Lists the schemas of the catalog in the catalog field, for the schema picker. */
    public boolean loadSchemas() {
        Optional<ConnectionForm.Input> input = input();
        if (input.isEmpty()) {
            return false;
        }
        ConnectionForm.Input in = input.get();
        String chosen = in.settings().catalog().orElse(null);
        if (chosen == null) {
            status.invalid(new ConnectionForm.Problem(ConnectionField.CATALOG, "Choose a catalog first (Test connection lists them)."));
            return false;
        }
        return command("Listing Databricks schemas", "Listing the schemas in " + chosen + "…",
                progress -> warehouses.schemas(in.settings(), in.secret(), chosen), found -> {
                    schemas.setAll(found);
                    status.succeed(found.size() + (found.size() == 1 ? " schema" : " schemas") + " in " + chosen + ".");
                }, "Listing the schemas was cancelled.");
    }

    /** Opens the warehouse in the background and shows it in the workbench. */
    public boolean connect() {
        Optional<ConnectionForm.Input> input = input();
        if (input.isEmpty()) {
            return false;
        }
        ConnectionForm.Input in = input.get();
        String name = form.profileName.get().strip();
        status.begin("Connecting to " + in.settings().host() + "…");
        session.dismissError();
        current = sources.open(new SourceSwitch.Opening<>("Connecting to Databricks", progress -> {
                    progress.report(-1, "Signing in to " + in.settings().host() + "…");
                    return warehouses.open(in.settings(), in.secret());
                }, WarehouseAccess.OpenedWarehouse::source, opened -> opened.source().release().run()),
                SourceSwitch.Outcome.of((opened, source) -> {
                    status.busy.set(false);
                    settings.saveLastProviderConnection(new Settings.ProviderConnection(name, in.settings()));
                    form.secret.set("");
                    status.succeed(ConnectionStatus.connected(opened.check()));
                    dialogOpen.set(false);
                }, status::fail,
                        () -> status.cancelled("Connecting was cancelled. Still showing " + sources.shownTitle() + ".")));
        return true;
    }

    /** Saves the settings under the profile name; the secret goes to the OS credential store, or nowhere. */
    public boolean saveProfile() {
        Optional<ConnectionForm.Input> input = input();
        if (input.isEmpty()) {
            return false;
        }
        String name = form.profileName.get().strip();
        if (name.isEmpty()) {
            status.invalid(new ConnectionForm.Problem(ConnectionField.PROFILE_NAME, "Enter a name to save this connection under."));
            return false;
        }
        ConnectionForm.Input in = input.get();
        boolean keepSecret = form.rememberSecret.get() && in.secret().isPresent();
        return command("Saving the connection " + name, "Saving " + name + "…", progress -> {
            profileStore.save(new ConnectionProfile(name, in.settings()));
            return keepSecret ? Optional.of(credentials.remember(name, in.secret().get())) : Optional.<SecretWriteAnswer>empty();
        }, answer -> {
            refreshProfiles();
            String secretName = form.secretName();
            if (answer.isEmpty()) {
                status.succeed("Saved " + name + " (without a " + (secretName.isEmpty() ? "secret" : secretName) + ").");
            } else if (answer.get() instanceof CredentialStoreUnavailable unavailable) {
                status.succeed("Saved " + name + ", but not its " + secretName + ": " + unavailable.reason()
                        + " Type it again next time.");
            } else {
                status.succeed("Saved " + name + "; its " + secretName + " is in the OS credential store.");
            }
        }, "Saving was cancelled.");
    }

    /** Fills the dialog from a saved profile, its secret recalled from the OS credential store. */
    public boolean loadProfile(String name) {
        if (name == null || name.isBlank() || status.busy.get()) {
            return false;
        }
        return command("Loading the connection " + name, "Loading " + name + "…", progress -> {
            ConnectionProfile profile = profileStore.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("There is no saved connection called " + name + "."));
            SecretReadAnswer answer = profile.settings().signIn().needsSecret()
                    ? credentials.recall(profile.name()) : new SecretAbsent();
            return new LoadedProfile(profile, answer);
        }, this::loaded, "Loading was cancelled.");
    }

    private void loaded(LoadedProfile loaded) {
        fill(loaded.profile().name(), loaded.profile().settings());
        form.secret.set(loaded.secretValue());
        status.succeed(loaded.sentence(form.secretName()));
    }

    /**
     * The skeleton every command but connecting shares: say what starts, run the work in the background, then let
     * {@code done} say how it went; a failure is classified, a cancel said.
     */
    private <T> boolean command(String title, String starting, Work<T> work, Consumer<T> done, String whenCancelled) {
        status.begin(starting);
        current = runner.task(title, work)
                .onSuccess(value -> {
                    status.busy.set(false);
                    done.accept(value);
                })
                .onFailure(status::fail)
                .onCancelled(() -> status.cancelled(whenCancelled))
                .start();
        return true;
    }

    /** Stops testing, listing or connecting; Esc does this while something runs. */
    public void cancel() {
        current.cancel();
    }


    /** The checked input, or empty with the field and its problem reported; empty too while something runs. */
    private Optional<ConnectionForm.Input> input() {
        ConnectionForm.Checked checked = form.check();
        if (checked instanceof ConnectionForm.Invalid invalid) {
            status.invalid(invalid.problem());
            return Optional.empty();
        }
        status.valid();
        return status.busy.get() ? Optional.empty() : Optional.of(((ConnectionForm.Valid) checked).input());
    }

    private void fill(String name, ProviderConnectionSettings saved) {
        form.fill(name, saved);
        status.valid();
    }

    private void refreshProfiles() {
        runner.task("Listing saved Databricks connections", progress -> profileStore.list().stream()
                        .map(ConnectionProfile::name).toList())
                .quiet()
                .onSuccess(profiles::setAll)
                .onFailure(error -> LOG.warn("Cannot list the saved Databricks connections: {}", error.getMessage()))
                .start();
    }

    public StringProperty hostProperty() {
        return form.host;
    }

    public StringProperty httpPathProperty() {
        return form.httpPath;
    }

    public StringProperty catalogProperty() {
        return form.catalog;
    }

    public StringProperty schemaProperty() {
        return form.schema;
    }

    public ObjectProperty<SignInMethod> signInMethodProperty() {
        return form.signInMethod;
    }

    /** The OAuth application (browser) or service principal (client credentials) id; not a secret. */
    public StringProperty clientIdProperty() {
        return form.clientId;
    }

    /** The token or client secret, for a password field only. Its {@code toString} never shows the value. */
    public StringProperty secretProperty() {
        return form.secret;
    }

    public StringProperty profileNameProperty() {
        return form.profileName;
    }

    /** Whether Save profile also keeps the secret in the OS credential store. */
    public BooleanProperty rememberSecretProperty() {
        return form.rememberSecret;
    }

    public ObjectProperty<Integer> connectTimeoutSecondsProperty() {
        return form.connectTimeoutSeconds;
    }

    public ObjectProperty<Integer> queryTimeoutSecondsProperty() {
        return form.queryTimeoutSeconds;
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
        return status.message.getReadOnlyProperty();
    }

    /** The classified category and the driver's redacted text, for the dialog's Details disclosure. */
    public ReadOnlyStringProperty detailsProperty() {
        return status.details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return status.failed.getReadOnlyProperty();
    }

    /** The field the last validation message is about, or null. */
    public ReadOnlyObjectProperty<ConnectionField> invalidFieldProperty() {
        return status.invalidField.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dialogOpenProperty() {
        return dialogOpen.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }
}
