package uk.consumptioninsights.dataaccess.forest;

/**
 * A provider forest file that cannot be used, with a message for the user naming the file, the problem and what to do. The
 * cause, if any, keeps the technical detail for the log.
 */
public final class ProviderForestFormatException extends RuntimeException {

    public ProviderForestFormatException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public ProviderForestFormatException(String userMessage) {
        super(userMessage);
    }
}
