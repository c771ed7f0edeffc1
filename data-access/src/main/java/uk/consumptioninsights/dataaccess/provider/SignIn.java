package uk.consumptioninsights.dataaccess.provider;

import java.util.Objects;
import java.util.Optional;

/** How the workbench signs in to a Databricks workspace. Holds no secret: tokens and client secrets live in the OS credential store. */
public sealed interface SignIn {

    /** Whether connecting needs a secret (token or client secret) from the credential store. */
    boolean needsSecret();

    /** A stable name used in saved profiles. */
    String kind();

    /** Personal access token, sent by the driver as a bearer token. */
    record PersonalAccessToken() implements SignIn {
        @Override public boolean needsSecret() { return true; }
        @Override public String kind() { return "personal-access-token"; }
    }

    /** OAuth user-to-machine in the system browser; an empty client id means the driver's default application. */
    record OAuthBrowser(Optional<String> clientId) implements SignIn {
        public OAuthBrowser {
            clientId = Objects.requireNonNull(clientId, "clientId").map(String::strip).filter(id -> !id.isEmpty());
        }
        public static OAuthBrowser withDefaultClient() { return new OAuthBrowser(Optional.empty()); }
        @Override public boolean needsSecret() { return false; }
        @Override public String kind() { return "oauth-browser"; }
    }

    /** OAuth machine-to-machine with a service principal's client id; its secret is kept in the credential store. */
    record OAuthClientCredentials(String clientId) implements SignIn {
        public OAuthClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            clientId = clientId.strip();
            if (clientId.isEmpty()) {
                throw new IllegalArgumentException("A service principal's client id is required");
            }
        }
        @Override public boolean needsSecret() { return true; }
        @Override public String kind() { return "oauth-client-credentials"; }
    }
}
