package uk.consumptioninsights.dataaccess.provider;

import java.util.Objects;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/**
 * Connecting to or querying the warehouse failed. The message is the classified {@link ProviderFailure}'s: what
 * happened and what to check, never a secret. The driver's exception is not kept as the cause, because its text may
 * quote connection properties; the redacted text is in {@link ProviderFailure#detail()}.
 */
public final class ProviderException extends RuntimeException {

    private final transient ProviderFailure failure;

    public ProviderException(ProviderFailure failure) {
        super(Objects.requireNonNull(failure, "failure").message(), null, false, false);
        this.failure = failure;
    }

    public ProviderFailure failure() {
        return failure;
    }
}
