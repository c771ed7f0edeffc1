package uk.consumptioninsights.dataaccess.recipient;

/**
 * A change set that cannot be applied to the local copy as it is (it starts at another version, removes rows the copy
 * does not hold, or leaves another row count than the share's). Nothing was changed; a snapshot brings the copy back.
 * The message is written for the user; {@link #reason()} is the short form kept in the refresh history.
 */
public final class ChangesRejected extends Exception {

    private final String reason;

    public ChangesRejected(String userMessage, String reason) {
        super(userMessage);
        this.reason = reason;
    }

    /** e.g. "the local copy had drifted from the share", completing "Replaced whole because …". */
    public String reason() {
        return reason;
    }
}
