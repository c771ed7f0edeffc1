package uk.consumptioninsights.app.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.provider.ConnectionCheck;
import uk.consumptioninsights.dataaccess.provider.ConnectionProfiles;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.ProviderException;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.SignIn;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStoreUnavailable;
import uk.consumptioninsights.dataaccess.provider.credentials.InMemoryCredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.ProviderCredentials;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretReadAnswer;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretWriteAnswer;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.work.Progress;

/** The connect dialog's view-model without the toolkit: validation, profiles and secrets, test and connect. */
class ConnectDialogViewModelTest {

    private static final String TOKEN = "pat-Zq9-not-shaped-like-dapi-7781";

    @TempDir
    Path folder;

    private final SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
    private final WorkbenchSession session = new WorkbenchSession();
    private final FakeWarehouses warehouses = new FakeWarehouses();
    private final InMemoryCredentialStore store = new InMemoryCredentialStore();
    private final Settings settings = Settings.inMemory();
    private ShellViewModel shell;
    private ConnectionProfiles profiles;
    private ConnectDialogViewModel vm;

    @BeforeEach
    void showTheDefaultSource() {
        FakeSource shownBefore = new FakeSource();
        shell = new ShellViewModel(new ActiveSource(), new SourceOpener() {
            @Override
            public String target() {
                return "/tmp/ciw/workspaces/local.duckdb";
            }

            @Override
            public ConsumptionSource open(Progress progress) {
                return shownBefore;
            }
        }, runner, session, Settings.inMemory(), LocalDate.of(2026, 11, 20));
        shell.start();
        profiles = new ConnectionProfiles(folder);
        vm = newViewModel(new ProviderCredentials(store));
    }

    private ConnectDialogViewModel newViewModel(ProviderCredentials credentials) {
        return new ConnectDialogViewModel(warehouses, profiles, credentials, shell.sources(), runner, session, settings);
    }

    private void fillIn() {
        vm.hostProperty().set("https://adb-1234567890123456.7.azuredatabricks.net/");
        vm.httpPathProperty().set("/sql/1.0/warehouses/abc123");
        vm.catalogProperty().set("settlement");
        vm.schemaProperty().set("gold");
        vm.signInMethodProperty().set(SignInMethod.PERSONAL_ACCESS_TOKEN);
        vm.secretProperty().set(TOKEN);
    }

    @Test
    void startsWithTheGoldSchemaAndTheDefaultTimeouts() {
        assertThat(vm.schemaProperty().get()).isEqualTo("gold");
        assertThat(vm.signInMethodProperty().get()).isEqualTo(SignInMethod.PERSONAL_ACCESS_TOKEN);
        assertThat(vm.connectTimeoutSecondsProperty().get()).isEqualTo(60);
        assertThat(vm.queryTimeoutSecondsProperty().get()).isEqualTo(300);
        assertThat(vm.rememberSecretProperty().get()).isTrue();
    }

    @Test
    void validationNamesTheFieldAndUsesTheSettingsOwnMessage() {
        fillIn();
        vm.hostProperty().set("adb-123.azuredatabricks.net/sql;AuthMech=3");
        assertThat(vm.testConnection()).isFalse();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ConnectionField.HOST);
        assertThat(vm.messageProperty().get()).isEqualTo("Host: Not a workspace host name: 'adb-123.azuredatabricks.net/sql;"
                + "AuthMech=3' (expected something like adb-1234567890123456.7.azuredatabricks.net).");
        assertThat(vm.failedProperty().get()).isTrue();

        fillIn();
        vm.httpPathProperty().set("/sql/1.0/warehouses/abc 123");
        assertThat(vm.connect()).isFalse();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ConnectionField.HTTP_PATH);
        assertThat(vm.messageProperty().get()).startsWith("HTTP path: Not an HTTP path: '/sql/1.0/warehouses/abc 123'");

        fillIn();
        vm.catalogProperty().set("main;x=1");
        vm.testConnection();
        assertThat(vm.messageProperty().get()).isEqualTo("Catalog: The catalog name cannot contain ';', '=' or '`': main;x=1.");

        fillIn();
        vm.schemaProperty().set("gold`");
        vm.testConnection();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ConnectionField.SCHEMA);

        fillIn();
        vm.signInMethodProperty().set(SignInMethod.OAUTH_CLIENT_CREDENTIALS);
        vm.testConnection();
        assertThat(vm.messageProperty().get()).isEqualTo("Client id: A service principal's client id is required.");

        fillIn();
        vm.signInMethodProperty().set(SignInMethod.PERSONAL_ACCESS_TOKEN);
        vm.secretProperty().set("");
        vm.testConnection();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ConnectionField.SECRET);
        assertThat(vm.messageProperty().get()).startsWith("Token or client secret: Enter the token");

        fillIn();
        vm.connectTimeoutSecondsProperty().set(0);
        vm.testConnection();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ConnectionField.CONNECT_TIMEOUT);
        assertThat(warehouses.calls).isEmpty();
    }

    @Test
    void testingReportsWhoWeAreAndListsTheCatalogs() {
        fillIn();
        assertThat(vm.testConnection()).isTrue();

        assertThat(vm.messageProperty().get()).isEqualTo("Connected as analyst@example.org; 2 catalogs visible");
        assertThat(vm.failedProperty().get()).isFalse();
        assertThat(vm.catalogs()).containsExactly("settlement", "system");
        assertThat(warehouses.lastSettings.host()).isEqualTo("adb-1234567890123456.7.azuredatabricks.net");
        assertThat(warehouses.lastSettings.schema()).contains("gold");
        assertThat(warehouses.lastSecret).contains(new ProviderSecret(TOKEN));
        assertThat(vm.secretProperty().get()).as("kept for Connect").isEqualTo(TOKEN);

        assertThat(vm.loadSchemas()).isTrue();
        assertThat(vm.schemas()).containsExactly("default", "gold");
        assertThat(warehouses.calls).containsExactly("check", "schemas settlement");
    }

    @Test
    void aClassifiedFailureShowsItsOwnMessageAndRedactedDetails() {
        fillIn();
        ProviderFailure expired = new ProviderFailure(FailureCategory.EXPIRED_TOKEN,
                "The token has expired. Create a new personal access token.",
                "HTTP 403 for Authorization: Bearer " + TOKEN + " Token is expired.");
        warehouses.failure = new ProviderException(expired);

        vm.testConnection();

        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo(expired.message());
        assertThat(vm.detailsProperty().get()).startsWith("EXPIRED_TOKEN: ").doesNotContain(TOKEN).contains("Token is expired.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void connectingHandsTheWarehouseToTheShellRemembersTheSettingsAndClearsTheSecret() {
        fillIn();
        vm.profileNameProperty().set("Settlement production");
        vm.open();

        assertThat(vm.connect()).isTrue();

        assertThat(shell.sourceTitleProperty().get()).isEqualTo(FakeWarehouses.DESCRIPTOR.title());
        assertThat(vm.secretProperty().get()).isEmpty();
        assertThat(vm.dialogOpenProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Connected as analyst@example.org; 2 catalogs visible");
        Settings.ProviderConnection remembered = settings.lastProviderConnection().orElseThrow();
        assertThat(remembered.profileName()).isEqualTo("Settlement production");
        assertThat(remembered.settings().host()).isEqualTo("adb-1234567890123456.7.azuredatabricks.net");

        // A new dialog starts from the last connection, without its secret.
        ConnectDialogViewModel next = newViewModel(new ProviderCredentials(store));
        assertThat(next.hostProperty().get()).isEqualTo("adb-1234567890123456.7.azuredatabricks.net");
        assertThat(next.catalogProperty().get()).isEqualTo("settlement");
        assertThat(next.secretProperty().get()).isEmpty();
    }

    @Test
    void aFailedConnectKeepsTheSourceShownBefore() {
        String before = shell.sourceTitleProperty().get();
        fillIn();
        warehouses.failure = new ProviderException(new ProviderFailure(FailureCategory.WRONG_HTTP_PATH,
                "The workspace was reached but the HTTP path was not found.", "HTTP 404"));

        vm.connect();

        assertThat(shell.sourceTitleProperty().get()).isEqualTo(before);
        assertThat(vm.messageProperty().get()).isEqualTo("The workspace was reached but the HTTP path was not found.");
        assertThat(settings.lastProviderConnection()).isEmpty();
    }

    @Test
    void savingKeepsTheSecretOutOfTheProfileFileAndInTheCredentialStore() throws Exception {
        fillIn();
        vm.profileNameProperty().set("Settlement production");

        assertThat(vm.saveProfile()).isTrue();

        String saved = Files.readString(profiles.file());
        assertThat(saved).contains("adb-1234567890123456.7.azuredatabricks.net").doesNotContain(TOKEN);
        assertThat(new ProviderCredentials(store).recall("Settlement production").toString()).doesNotContain(TOKEN);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved Settlement production; its token is in the OS credential store.");
        assertThat(vm.profiles()).containsExactly("Settlement production");

        ConnectDialogViewModel fresh = new ConnectDialogViewModel(warehouses, profiles, new ProviderCredentials(store), shell.sources(),
                runner, session, Settings.inMemory());
        assertThat(fresh.hostProperty().get()).isEmpty();
        assertThat(fresh.loadProfile("Settlement production")).isTrue();
        assertThat(fresh.hostProperty().get()).isEqualTo("adb-1234567890123456.7.azuredatabricks.net");
        assertThat(fresh.catalogProperty().get()).isEqualTo("settlement");
        assertThat(fresh.schemaProperty().get()).isEqualTo("gold");
        assertThat(fresh.secretProperty().get()).isEqualTo(TOKEN);
        assertThat(fresh.messageProperty().get())
                .isEqualTo("Loaded Settlement production; its token came from the OS credential store.");
    }

    @Test
    void withoutACredentialStoreTheProfileIsSavedAndTheSecretNowhere() throws Exception {
        vm = newViewModel(new ProviderCredentials(new UnavailableStore()));
        fillIn();
        vm.profileNameProperty().set("Laptop");

        vm.saveProfile();

        assertThat(vm.messageProperty().get()).isEqualTo("Saved Laptop, but not its token: " + UnavailableStore.REASON
                + " Type it again next time.");
        assertThat(Files.readString(profiles.file())).doesNotContain(TOKEN);
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
            }
        }

        vm.loadProfile("Laptop");
        assertThat(vm.secretProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Loaded Laptop. No credential store is available")
                .endsWith("Type the token.");
    }

    @Test
    void savingNeedsAName() {
        fillIn();
        assertThat(vm.saveProfile()).isFalse();
        assertThat(vm.invalidFieldProperty().get()).isEqualTo(ConnectionField.PROFILE_NAME);
        assertThat(vm.messageProperty().get()).isEqualTo("Profile name: Enter a name to save this connection under.");
    }

    @Test
    void theSecretAppearsInNoOtherPropertyNorInAnyToString() throws Exception {
        fillIn();
        vm.profileNameProperty().set("Settlement production");
        warehouses.failure = new ProviderException(new ProviderFailure(FailureCategory.INVALID_CREDENTIALS,
                "The workspace rejected the sign-in.", "driver said: password " + TOKEN + " rejected"));
        vm.testConnection();
        vm.saveProfile();
        warehouses.failure = null;
        vm.testConnection();

        assertThat(vm.secretProperty().toString()).doesNotContain(TOKEN);
        assertThat(vm.toString()).doesNotContain(TOKEN);
        List<String> leaks = new ArrayList<>();
        for (Method method : ConnectDialogViewModel.class.getMethods()) {
            if (method.getParameterCount() == 0 && ObservableValue.class.isAssignableFrom(method.getReturnType())
                    && !method.getName().equals("secretProperty")) {
                Object value = ((ObservableValue<?>) method.invoke(vm)).getValue();
                if (String.valueOf(value).contains(TOKEN)) {
                    leaks.add(Introspector.decapitalize(method.getName()));
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(String.join("|", vm.catalogs()) + String.join("|", vm.profiles())).doesNotContain(TOKEN);
    }

    @Test
    void closingForgetsTheTypedSecret() {
        fillIn();
        vm.open();
        vm.close();
        assertThat(vm.secretProperty().get()).isEmpty();
        assertThat(vm.dialogOpenProperty().get()).isFalse();
    }

    @Test
    void oauthInTheBrowserTakesNoSecret() {
        fillIn();
        vm.secretProperty().set("");
        vm.signInMethodProperty().set(SignInMethod.OAUTH_BROWSER);

        assertThat(vm.testConnection()).isTrue();

        assertThat(warehouses.lastSettings.signIn()).isEqualTo(SignIn.OAuthBrowser.withDefaultClient());
        assertThat(warehouses.lastSecret).isEmpty();
    }

    /** A workspace that answers from memory and records what was asked. */
    private static final class FakeWarehouses implements WarehouseAccess {
        static final SourceDescriptor DESCRIPTOR = new SourceDescriptor(SourceKind.PROVIDER, "settlement.gold",
                "adb-1234567890123456.7.azuredatabricks.net/sql/1.0/warehouses/abc123");
        final List<String> calls = new ArrayList<>();
        ProviderConnectionSettings lastSettings;
        Optional<ProviderSecret> lastSecret;
        RuntimeException failure;

        private ConnectionCheck answer(String call, ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
            calls.add(call);
            lastSettings = settings;
            lastSecret = secret;
            if (failure != null) {
                throw failure;
            }
            return new ConnectionCheck("analyst@example.org", "settlement", "gold", List.of("settlement", "system"),
                    Duration.ofMillis(40));
        }

        @Override
        public ConnectionCheck check(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
            return answer("check", settings, secret);
        }

        @Override
        public List<String> schemas(ProviderConnectionSettings settings, Optional<ProviderSecret> secret, String catalog) {
            answer("schemas " + catalog, settings, secret);
            return List.of("default", "gold");
        }

        @Override
        public OpenedWarehouse open(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
            ConnectionCheck check = answer("open", settings, secret);
            FakeSource source = new FakeSource();
            return new OpenedWarehouse(check, new OpenedSource(source, DESCRIPTOR, source.roles(), () -> calls.add("release")));
        }
    }

    /** A machine without a usable OS credential store. */
    private static final class UnavailableStore implements CredentialStore {
        static final String HINT = "On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked "
                + "in your session.";
        static final String REASON = "No credential store is available, so the secret was not saved. " + HINT;

        @Override
        public SecretWriteAnswer store(String service, String account, ProviderSecret secret) {
            return CredentialStoreUnavailable.noStore(HINT);
        }

        @Override
        public SecretReadAnswer read(String service, String account) {
            return CredentialStoreUnavailable.noStore(HINT);
        }

        @Override
        public SecretWriteAnswer delete(String service, String account) {
            return CredentialStoreUnavailable.noStore(HINT);
        }
    }
}
