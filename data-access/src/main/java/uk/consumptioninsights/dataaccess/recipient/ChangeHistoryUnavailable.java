package uk.consumptioninsights.dataaccess.recipient;

/**
 * The server cannot give a table's changes between two versions: change data feed was off for some of them, or the
 * provider no longer retains that history. A refresh then takes a snapshot instead.
 */
public final class ChangeHistoryUnavailable extends Exception {

    public ChangeHistoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public ChangeHistoryUnavailable(String message) {
        super(message);
    }
}
