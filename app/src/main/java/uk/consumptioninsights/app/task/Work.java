package uk.consumptioninsights.app.task;

import uk.consumptioninsights.model.work.Progress;

/**
 * A piece of background work: JDBC, file IO, LTTB, anything that must stay off the FX thread. It reports through
 * {@link Progress} and stops at a safe point when {@link Progress#checkCancelled()} says the user cancelled.
 */
@FunctionalInterface
public interface Work<T> {

    T run(Progress progress) throws Exception;
}
