package uk.consumptioninsights.app.provider;

import uk.consumptioninsights.dataaccess.provider.ConnectionProfile;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStoreUnavailable;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretFound;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretReadAnswer;

/** A saved connection read back, with what the OS credential store answered for its secret. */
record LoadedProfile(ConnectionProfile profile, SecretReadAnswer secret) {

    /** The secret to put in the form: the stored one, or empty. */
    String secretValue() {
        return secret instanceof SecretFound found ? found.secret().value() : "";
    }

    /** What the dialog says once the form is filled; {@code secretName} is "token", "client secret" or empty. */
    String sentence(String secretName) {
        String name = profile.name();
        if (secret instanceof SecretFound) {
            return "Loaded " + name + "; its " + secretName + " came from the OS credential store.";
        }
        if (secret instanceof CredentialStoreUnavailable unavailable) {
            return "Loaded " + name + ". " + unavailable.readReason() + " Type the " + secretName + ".";
        }
        if (profile.settings().signIn().needsSecret()) {
            return "Loaded " + name + ". No " + secretName + " is saved for it: type it to connect.";
        }
        return "Loaded " + name + ".";
    }
}
