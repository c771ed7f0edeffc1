package uk.consumptioninsights.dataaccess.provider.credentials;

import java.util.Objects;

/**
 * No usable operating-system credential store: the secret was not kept, and nothing fell back to a plain file.
 *
 * @param reason for the user: what is missing and what to do about it
 */
public record CredentialStoreUnavailable(String reason) implements SecretReadAnswer, SecretWriteAnswer {
    public CredentialStoreUnavailable {
        Objects.requireNonNull(reason, "reason");
    }
}
