package uk.consumptioninsights.dataaccess.provider.credentials;

import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/**
 * Secrets kept by the operating system (macOS Keychain, Windows Credential Manager, Secret Service on Linux),
 * addressed by service and account. Answers instead of exceptions, so "no store on this machine" is an ordinary outcome.
 */
public interface CredentialStore {

    SecretWriteAnswer store(String service, String account, ProviderSecret secret);

    SecretReadAnswer read(String service, String account);

    /** Deleting a secret that is not there is not an error. */
    SecretWriteAnswer delete(String service, String account);
}
