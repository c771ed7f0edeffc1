package uk.consumptioninsights.app.common;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.governance.Restricted;

/**
 * What one governance question came back with, read in the background: the source's answer (available or refused),
 * or, when asking failed outright, a message for the section's notice. One failing question must not blank the
 * others, so a failure stays with its own section instead of failing the whole load.
 *
 * @param answer  null when asking failed
 * @param failure the user-facing message when asking failed, else null
 */
public record GovernanceAnswer<T>(Restricted<T> answer, String failure) {

    private static final Logger LOG = LoggerFactory.getLogger(GovernanceAnswer.class);

    /** Runs {@code question} on the calling (background) thread; {@code action} completes "Could not …". */
    public static <T> GovernanceAnswer<T> ask(String action, Supplier<Restricted<T>> question) {
        try {
            return new GovernanceAnswer<>(question.get(), null);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Could not {}", action, e);
            return new GovernanceAnswer<>(null, UserMessages.describe(e, action));
        }
    }

    /** The value when the source answered it, else null. */
    public T valueOrNull() {
        return answer instanceof Restricted.Available<T> available ? available.value() : null;
    }
}
