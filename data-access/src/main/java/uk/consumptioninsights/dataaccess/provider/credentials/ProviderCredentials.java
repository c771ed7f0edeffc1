package uk.consumptioninsights.dataaccess.provider.credentials;

import java.util.Objects;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/** The secret of a saved connection profile, kept in a credential store under the workbench's service name. */
public final class ProviderCredentials {

    public static final String SERVICE = "uk.consumptioninsights.workbench.databricks";

    private final CredentialStore store;

    public ProviderCredentials(CredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public SecretWriteAnswer remember(String profileName, ProviderSecret secret) {
        return store.store(SERVICE, profileName, secret);
    }

    public SecretReadAnswer recall(String profileName) {
        return store.read(SERVICE, profileName);
    }

    public SecretWriteAnswer forget(String profileName) {
        return store.delete(SERVICE, profileName);
    }
}
