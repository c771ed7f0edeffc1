package uk.consumptioninsights.dataaccess.provider.failure;

/** What went wrong talking to a Databricks warehouse, as far as the user needs to know to fix it. */
public enum FailureCategory {
    WRONG_HOST,
    WRONG_HTTP_PATH,
    INVALID_CREDENTIALS,
    EXPIRED_TOKEN,
    ACCESS_DENIED,
    MISSING_PRIVILEGE,
    TIMEOUT,
    CANCELLED,
    NETWORK,
    TLS,
    DRIVER_MISSING,
    OTHER
}
