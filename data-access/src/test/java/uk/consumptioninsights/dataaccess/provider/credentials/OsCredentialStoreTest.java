package uk.consumptioninsights.dataaccess.provider.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/** The real OS store: a round trip where one is available, the clear "unavailable" answer where none is. */
class OsCredentialStoreTest {

    private final OsCredentialStore store = new OsCredentialStore();

    @Test
    void roundTripsASecretWhereTheOsStoreIsAvailable() {
        assumeTrue(store.unavailability().isEmpty(), "no OS credential store on this machine");
        String account = "test-" + UUID.randomUUID();
        ProviderSecret secret = new ProviderSecret("secret-" + UUID.randomUUID());
        try {
            SecretWriteAnswer written = store.store(ProviderCredentials.SERVICE, account, secret);
            assumeFalse(written instanceof CredentialStoreUnavailable, () -> written.toString());
            assertThat(store.read(ProviderCredentials.SERVICE, account)).isEqualTo(new SecretFound(secret));
            assertThat(store.delete(ProviderCredentials.SERVICE, account)).isEqualTo(new SecretWritten());
            assertThat(store.read(ProviderCredentials.SERVICE, account)).isEqualTo(new SecretAbsent());
        } finally {
            store.delete(ProviderCredentials.SERVICE, account);
        }
    }

    @Test
    void answersUnavailableClearlyWhereThereIsNoOsStore() {
        assumeTrue(store.unavailability().isPresent(), "an OS credential store is available here");
        ProviderSecret secret = new ProviderSecret("never-kept-" + UUID.randomUUID());

        SecretWriteAnswer written = store.store(ProviderCredentials.SERVICE, "test", secret);
        SecretReadAnswer read = store.read(ProviderCredentials.SERVICE, "test");

        assertThat(written).isInstanceOf(CredentialStoreUnavailable.class);
        assertThat(read).isInstanceOf(CredentialStoreUnavailable.class);
        assertThat(((CredentialStoreUnavailable) written).reason()).contains("No credential store is available")
                .doesNotContain(secret.value());
    }
}
