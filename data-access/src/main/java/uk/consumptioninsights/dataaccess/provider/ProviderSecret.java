package uk.consumptioninsights.dataaccess.provider;

import java.util.Objects;

/** A token or client secret. Its string form is always redacted so it cannot leak through logs or messages. */
public record ProviderSecret(String value) {

    public ProviderSecret {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A secret cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "ProviderSecret[redacted]";
    }
}
