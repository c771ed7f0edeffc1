package uk.consumptioninsights.dataaccess.sharing.auth;

import uk.consumptioninsights.model.work.Progress;

/** Where the bearer token for the sharing server comes from. */
public sealed interface TokenSource permits StaticBearerToken, ClientCredentialsTokens {

    /** The token to send now, fetching or renewing it first if needed. */
    String token(Progress progress);

    /** Forgets {@code rejected} after the server refused it; true when a fresh token can be fetched. */
    boolean renewAfterRejection(String rejected);

    /** What to tell the user when the server refuses the token (401): why that may be and what to do. */
    String rejectionAdvice();
}
