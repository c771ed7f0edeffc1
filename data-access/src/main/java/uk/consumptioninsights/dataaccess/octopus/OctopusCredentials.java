package uk.consumptioninsights.dataaccess.octopus;

import java.util.Objects;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretReadAnswer;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretWriteAnswer;

/**
 * A meter's Octopus API key, kept in the operating system's credential store (the same store as the Databricks
 * token, under its own service name), addressed by MPAN and meter serial. Never written to the workspace or a file.
 */
public final class OctopusCredentials {

    public static final String SERVICE = "uk.consumptioninsights.workbench.octopus";

    private final CredentialStore store;

    public OctopusCredentials(CredentialStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public SecretWriteAnswer remember(OctopusMeter meter, ProviderSecret apiKey) {
        return store.store(SERVICE, meter.credentialAccount(), apiKey);
    }

    public SecretReadAnswer recall(OctopusMeter meter) {
        return store.read(SERVICE, meter.credentialAccount());
    }

    public SecretWriteAnswer forget(OctopusMeter meter) {
        return store.delete(SERVICE, meter.credentialAccount());
    }
}
