package uk.consumptioninsights.app.provider;

import java.util.Optional;
import uk.consumptioninsights.dataaccess.provider.SignIn;

/** The sign-in choices the dialog offers, in the order analysts reach for them. */
public enum SignInMethod {
    PERSONAL_ACCESS_TOKEN("Personal access token", "Token"),
    OAUTH_BROWSER("OAuth in the browser", ""),
    OAUTH_CLIENT_CREDENTIALS("OAuth client credentials (service principal)", "Client secret");

    private final String label;
    private final String secretLabel;

    SignInMethod(String label, String secretLabel) {
        this.label = label;
        this.secretLabel = secretLabel;
    }

    /** What the secret field is called for this method; empty when the method takes none. */
    public String secretLabel() {
        return secretLabel;
    }

    public boolean needsSecret() {
        return !secretLabel.isEmpty();
    }

    public boolean usesClientId() {
        return this != PERSONAL_ACCESS_TOKEN;
    }

    /** @throws IllegalArgumentException when client credentials lack a client id */
    SignIn toSignIn(String clientId) {
        return switch (this) {
            case PERSONAL_ACCESS_TOKEN -> new SignIn.PersonalAccessToken();
            case OAUTH_BROWSER -> new SignIn.OAuthBrowser(Optional.ofNullable(clientId));
            case OAUTH_CLIENT_CREDENTIALS -> new SignIn.OAuthClientCredentials(clientId == null ? "" : clientId);
        };
    }

    static SignInMethod of(SignIn signIn) {
        if (signIn instanceof SignIn.OAuthBrowser) {
            return OAUTH_BROWSER;
        }
        if (signIn instanceof SignIn.OAuthClientCredentials) {
            return OAUTH_CLIENT_CREDENTIALS;
        }
        return PERSONAL_ACCESS_TOKEN;
    }

    static String clientIdOf(SignIn signIn) {
        if (signIn instanceof SignIn.OAuthBrowser browser) {
            return browser.clientId().orElse("");
        }
        if (signIn instanceof SignIn.OAuthClientCredentials m2m) {
            return m2m.clientId();
        }
        return "";
    }

    @Override
    public String toString() {
        return label;
    }
}
