package uk.consumptioninsights.dataaccess.provider.credentials;

/** The outcome of storing or deleting a secret. */
public sealed interface SecretWriteAnswer permits SecretWritten, CredentialStoreUnavailable {
}
