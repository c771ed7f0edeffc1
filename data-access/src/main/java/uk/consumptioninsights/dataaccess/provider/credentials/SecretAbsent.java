package uk.consumptioninsights.dataaccess.provider.credentials;

/** The store works but holds no secret for the service and account. */
public record SecretAbsent() implements SecretReadAnswer {
}
