package uk.consumptioninsights.dataaccess.source;

/**
 * A failure to read a source, with a message for the user that names the problem and what to do. The cause keeps
 * the technical detail for the log; the UI shows only the message.
 */
public final class SourceException extends RuntimeException {

    public SourceException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public SourceException(String userMessage) {
        super(userMessage);
    }
}
