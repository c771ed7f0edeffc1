package uk.consumptioninsights.dataaccess.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.provider.credentials.InMemoryCredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.ProviderCredentials;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretFound;

class ConnectionProfilesTest {

    private static final String TOKEN = "dapi0123456789abcdef0123456789abcdef";
    private static final String CLIENT_SECRET = "dose-client-secret-0123456789";

    @TempDir
    Path folder;

    private static ConnectionProfile profile(String name, SignIn signIn) {
        return new ConnectionProfile(name, new ProviderConnectionSettings("adb-1.2.azuredatabricks.net",
                "/sql/1.0/warehouses/abc", Optional.of("settlement"), Optional.empty(), signIn,
                Transport.SQL_EXECUTION_API, Duration.ofSeconds(20), Duration.ofSeconds(90)));
    }

    @Test
    void savesReadsReplacesAndDeletesByName() {
        ConnectionProfiles profiles = new ConnectionProfiles(folder);
        ConnectionProfile pat = profile("analyst", new SignIn.PersonalAccessToken());
        ConnectionProfile browser = profile("browser", new SignIn.OAuthBrowser(Optional.of("my-app")));
        ConnectionProfile m2m = profile("governance", new SignIn.OAuthClientCredentials("sp-app-id"));

        profiles.save(pat);
        profiles.save(browser);
        profiles.save(m2m);
        assertThat(new ConnectionProfiles(folder).list()).containsExactly(pat, browser, m2m);

        ConnectionProfile changed = profile("analyst", SignIn.OAuthBrowser.withDefaultClient());
        profiles.save(changed);
        assertThat(profiles.find("analyst")).contains(changed);
        assertThat(profiles.list()).hasSize(3);

        assertThat(profiles.delete("browser")).isTrue();
        assertThat(profiles.delete("browser")).isFalse();
        assertThat(profiles.list()).extracting(ConnectionProfile::name).containsExactly("governance", "analyst");
    }

    @Test
    void theSavedFileHoldsNoSecretAndNoTemporaryFileRemains() throws IOException {
        ConnectionProfiles profiles = new ConnectionProfiles(folder);
        ProviderCredentials credentials = new ProviderCredentials(new InMemoryCredentialStore());

        profiles.save(profile("analyst", new SignIn.PersonalAccessToken()));
        credentials.remember("analyst", new ProviderSecret(TOKEN));
        profiles.save(profile("governance", new SignIn.OAuthClientCredentials("sp-app-id")));
        credentials.remember("governance", new ProviderSecret(CLIENT_SECRET));

        String saved = Files.readString(profiles.file());
        assertThat(saved).contains("analyst", "governance", "sp-app-id", "SQL_EXECUTION_API")
                .doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(profiles.file());
        }
        assertThat(credentials.recall("analyst")).isEqualTo(new SecretFound(new ProviderSecret(TOKEN)));
    }

    @Test
    void noFileMeansNoProfiles() {
        assertThat(new ConnectionProfiles(folder.resolve("absent")).list()).isEmpty();
    }
}
