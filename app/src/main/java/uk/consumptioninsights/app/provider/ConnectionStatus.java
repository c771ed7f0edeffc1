package uk.consumptioninsights.app.provider;

import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.dataaccess.provider.ConnectionCheck;
import uk.consumptioninsights.dataaccess.provider.ProviderException;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/**
 * What the connect dialog says: progress, the result, or what went wrong and what to check, with the classified
 * details behind a disclosure. Every text passes the scrubber first, so the typed secret never shows.
 */
final class ConnectionStatus {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStatus.class);

    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    final ReadOnlyObjectWrapper<ConnectionField> invalidField = new ReadOnlyObjectWrapper<>(this, "invalidField");
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    private final UnaryOperator<String> scrub;

    ConnectionStatus(UnaryOperator<String> scrub) {
        this.scrub = scrub;
    }

    void begin(String text) {
        busy.set(true);
        say(false, text, "");
    }

    void succeed(String text) {
        say(false, scrub.apply(text), "");
    }

    void cancelled(String text) {
        busy.set(false);
        say(false, text, "");
    }

    void invalid(ConnectionForm.Problem problem) {
        invalidField.set(problem.field());
        say(true, problem.field().label() + ": " + problem.text(), "");
    }

    void valid() {
        invalidField.set(null);
    }

    void fail(Throwable error) {
        busy.set(false);
        Optional<ProviderFailure> failure = providerFailure(error);
        if (failure.isPresent()) {
            say(true, scrub.apply(failure.get().message()), scrub.apply(failure.get().category() + ": " + failure.get().detail()));
            LOG.info("Databricks connection failed ({})", failure.get().category());
        } else if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
            say(true, scrub.apply(error.getMessage()), "");
        } else {
            say(true, scrub.apply(UserMessages.describe(error, "reach the Databricks warehouse")), "");
            LOG.warn("Databricks connection failed unexpectedly: {}", error.getClass().getName());
        }
    }

    private void say(boolean isFailure, String text, String detail) {
        failed.set(isFailure);
        details.set(detail);
        message.set(text);
    }

    /** Who we signed in as and how many catalogs we see. */
    static String connected(ConnectionCheck check) {
        int count = check.catalogs().size();
        return "Connected as " + check.user() + "; " + count + (count == 1 ? " catalog" : " catalogs") + " visible";
    }

    private static Optional<ProviderFailure> providerFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProviderException provider) {
                return Optional.of(provider.failure());
            }
        }
        return Optional.empty();
    }
}
