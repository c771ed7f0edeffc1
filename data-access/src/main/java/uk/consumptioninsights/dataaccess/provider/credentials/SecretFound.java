package uk.consumptioninsights.dataaccess.provider.credentials;

import java.util.Objects;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/** The store held a secret for the service and account; its string form stays redacted. */
public record SecretFound(ProviderSecret secret) implements SecretReadAnswer {
    public SecretFound {
        Objects.requireNonNull(secret, "secret");
    }
}
