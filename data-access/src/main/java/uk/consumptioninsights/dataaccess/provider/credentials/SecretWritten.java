package uk.consumptioninsights.dataaccess.provider.credentials;

/** The store accepted the change. */
public record SecretWritten() implements SecretWriteAnswer {
}
