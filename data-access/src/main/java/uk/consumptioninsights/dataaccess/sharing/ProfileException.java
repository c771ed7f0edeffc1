package uk.consumptioninsights.dataaccess.sharing;

/** A profile file that cannot be used; the message names the problem and what to do, and never quotes a secret. */
public final class ProfileException extends Exception {

    public ProfileException(String userMessage) {
        super(userMessage);
    }

    public ProfileException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
