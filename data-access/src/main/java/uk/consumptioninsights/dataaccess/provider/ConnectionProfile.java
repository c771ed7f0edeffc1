package uk.consumptioninsights.dataaccess.provider;

import java.util.Objects;

/** A named, saved provider connection. Holds no secret; the secret is kept in the credential store under the name. */
public record ConnectionProfile(String name, ProviderConnectionSettings settings) {
    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A connection profile needs a name");
        }
        Objects.requireNonNull(settings, "settings");
    }
}
