package uk.consumptioninsights.dataaccess.octopus;

/**
 * A failure to pull from the Octopus Energy API or to store what was pulled. The message is one line for the user
 * (what happened and what to do) and never holds the API key; the cause keeps technical detail for the log.
 */
public final class OctopusException extends RuntimeException {

    /** What kind of failure, so the UI can choose what to offer (re-enter the key, try again later). */
    public enum Kind {
        /** The API did not accept the key (401/403). */
        KEY_REFUSED,
        /** No key is stored for the meter, or the credential store cannot be used. */
        KEY_MISSING,
        /** The meter or tariff is unknown to the API (404), or the request was refused (other 4xx). */
        NOT_FOUND,
        /** A pagination link pointed away from the API's own address. */
        LINK_REFUSED,
        /** The API failed (5xx) or was busy (429) after the retries. */
        SERVER,
        /** The API could not be reached, answered too slowly, or the connection broke. */
        NETWORK,
        /** The answer was larger than allowed or not in the API's format. */
        PROTOCOL,
        /** The workspace could not be read or written. */
        STORAGE
    }

    private final Kind kind;

    OctopusException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    OctopusException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
