package uk.consumptioninsights.dataaccess.provider.credentials;

/** The outcome of reading a secret. */
public sealed interface SecretReadAnswer permits SecretFound, SecretAbsent, CredentialStoreUnavailable {
}
