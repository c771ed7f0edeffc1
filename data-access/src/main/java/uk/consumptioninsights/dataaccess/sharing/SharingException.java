package uk.consumptioninsights.dataaccess.sharing;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Any failure of the Delta Sharing client. The message is written for the user (what happened and what to do) and
 * never contains a token or a signed URL; the cause keeps the technical detail for the log.
 */
public final class SharingException extends RuntimeException {

    /** What kind of failure, so the UI can choose wording and whether to offer "try again". */
    public enum Category {
        /** The server did not accept the credentials (401), or they are not allowed to do this (403). */
        AUTH,
        NOT_FOUND,
        /** The server rejected the request as malformed or not allowed for this table (400). */
        BAD_REQUEST,
        /** Too many requests (429) and the retry budget ran out. */
        RATE_LIMITED,
        /** 5xx, or an error the server reported inside a successful response. */
        SERVER,
        /** The server or storage could not be reached, or the connection broke. */
        NETWORK,
        /** The server answered something that does not follow the protocol. */
        PROTOCOL,
        /** Cloud storage refused or mangled a file download. */
        STORAGE,
        /** The table or server needs something this client does not support. */
        UNSUPPORTED,
        /** The local cache folder could not be read or written. */
        CACHE
    }

    private final Category category;
    private final Integer httpStatus;
    private final boolean retryable;
    private final String serverErrorCode;
    private final Duration retryAfter;

    private SharingException(Category category, String message, Integer httpStatus, boolean retryable,
                             String serverErrorCode, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.serverErrorCode = serverErrorCode;
        this.retryAfter = retryAfter;
    }

    public static SharingException of(Category category, String message) {
        return new SharingException(category, message, null, false, null, null, null);
    }

    public static SharingException of(Category category, String message, Throwable cause) {
        return new SharingException(category, message, null, false, null, null, cause);
    }

    public static SharingException retryable(Category category, String message, Throwable cause) {
        return new SharingException(category, message, null, true, null, null, cause);
    }

    /** A failure answered by a server with an HTTP status. */
    public static SharingException http(Category category, String message, int status, boolean retryable,
                                        String serverErrorCode, Duration retryAfter) {
        return new SharingException(category, message, status, retryable, serverErrorCode, retryAfter, null);
    }

    public Category category() {
        return category;
    }

    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** True when trying again later may succeed (busy server, broken connection). */
    public boolean retryable() {
        return retryable;
    }

    /** The server's error code (errorCode, error_code or details' dsError) when it sent one. */
    public Optional<String> serverErrorCode() {
        return Optional.ofNullable(serverErrorCode);
    }

    /** How long the server asked us to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The same failure with a sentence added to the message (e.g. how often it was tried). */
    public SharingException withNote(String sentence) {
        return withMessage(getMessage() + " " + sentence);
    }

    /** The same failure with its message rewritten (e.g. scrubbed of a secret a server echoed back). */
    public SharingException withMessage(String message) {
        if (message.equals(getMessage())) {
            return this;
        }
        SharingException copy = new SharingException(category, message, httpStatus, retryable, serverErrorCode,
                retryAfter, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
