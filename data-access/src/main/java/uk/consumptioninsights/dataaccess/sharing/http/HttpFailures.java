package uk.consumptioninsights.dataaccess.sharing.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * Turns what went wrong talking to the sharing server into a {@link SharingException} the user can act on. Server
 * text is quoted only after known secrets are scrubbed from it. Only 429, 5xx and broken connections are retryable.
 */
public final class HttpFailures {

    private static final String TELL_PROVIDER = " If it keeps happening, tell your data provider.";

    private final Redaction redaction;
    private final Clock clock;
    private final Supplier<String> credentialAdvice;

    /** @param credentialAdvice what to tell the user when the server refuses the credentials (401) */
    public HttpFailures(Redaction redaction, Clock clock, Supplier<String> credentialAdvice) {
        this.redaction = redaction;
        this.clock = clock;
        this.credentialAdvice = credentialAdvice;
    }

    /**
     * @param action  what the client was doing, as a verb phrase ("list the shares")
     * @param subject what a 404 means was missing ("Share 'x'")
     */
    public SharingException fromResponse(int status, HttpHeaders headers, String body, String action,
                                         String subject) {
        ErrorBody error = ErrorBody.parse(redaction.scrub(body));
        String code = error.dsError() != null ? error.dsError() : error.code();
        String quoted = error.isEmpty() ? "" : ": " + error.summary();
        if (status == 400 && needsUnsupportedFeatures(error)) {
            return SharingException.http(Category.UNSUPPORTED, "The table uses Delta features (such as deletion "
                    + "vectors or column mapping) that the sharing server cannot send in the Parquet format the "
                    + "workbench reads (" + status + quoted + "). Ask your data provider to share the table without "
                    + "those features.", status, false, code, null);
        }
        return switch (status) {
            case 400 -> SharingException.http(Category.BAD_REQUEST, "The sharing server refused to " + action
                    + " (400 Bad Request" + quoted + "). Check the names and any version or date filter."
                    + TELL_PROVIDER, status, false, code, null);
            case 401 -> SharingException.http(Category.AUTH, "The sharing server did not accept the profile's "
                    + "credentials when asked to " + action + " (401 Unauthorized). " + credentialAdvice.get(),
                    status, false, code, null);
            case 403 -> SharingException.http(Category.AUTH, "The sharing server does not allow this profile to "
                    + action + " (403 Forbidden" + quoted + "). Ask your data provider to grant you access.",
                    status, false, code, null);
            case 404 -> SharingException.http(Category.NOT_FOUND, subject + " was not found on the sharing server "
                    + "(404" + quoted + "). Check the name; it may have been removed from the share.",
                    status, false, code, null);
            case 429 -> {
                Duration retryAfter = retryAfter(headers);
                yield SharingException.http(Category.RATE_LIMITED, "The sharing server is busy and asked the "
                        + "workbench to slow down when asked to " + action + " (429 Too Many Requests). Wait a "
                        + "minute and try again.", status, true, code, retryAfter);
            }
            default -> otherStatus(status, headers, action, quoted, code);
        };
    }

    private SharingException otherStatus(int status, HttpHeaders headers, String action, String quoted,
                                         String code) {
        if (status >= 500) {
            return SharingException.http(Category.SERVER, "The sharing server failed when asked to " + action
                    + " (" + status + quoted + "). Try again later." + TELL_PROVIDER, status, true, code,
                    status == 503 ? retryAfter(headers) : null);
        }
        if (status >= 300 && status < 400) {
            String location = headers.firstValue("location").map(Redaction::url).orElse("another address");
            return SharingException.http(Category.PROTOCOL, "The sharing server redirected the request to "
                    + location + " (" + status + "). The workbench does not follow redirects with your "
                    + "credentials; check the endpoint in the profile or ask your data provider for a new one.",
                    status, false, code, null);
        }
        if (status >= 400) {
            return SharingException.http(Category.BAD_REQUEST, "The sharing server refused to " + action + " ("
                    + status + quoted + ")." + TELL_PROVIDER, status, false, code, null);
        }
        return SharingException.http(Category.PROTOCOL, "The sharing server answered with an unexpected status "
                + status + " when asked to " + action + "." + TELL_PROVIDER, status, false, code, null);
    }

    /** A transport failure: cannot connect, timed out, TLS refused, connection broken. */
    public SharingException fromIo(IOException failure, String action, String hostAndPort) {
        return network(failure, "the sharing server", action, hostAndPort);
    }

    /** The same for any host (storage, token endpoint), named as {@code server} in the message. */
    public static SharingException network(IOException failure, String server, String action, String hostAndPort) {
        String serverAt = server.substring(0, 1).toUpperCase(Locale.ROOT) + server.substring(1) + " at " + hostAndPort;
        if (failure instanceof CallDeadlineExceeded late) {
            // Not retried: a server that sends little by little would only do so again.
            return SharingException.of(Category.NETWORK, serverAt + " did not finish sending its answer within "
                    + DurationText.of(late.limit()) + " when asked to " + action + ", the most the workbench waits "
                    + "for one answer, so it stopped. The connection may be very slow, or the server may be sending "
                    + "little by little. Try again later; if it keeps happening, tell your data provider.", failure);
        }
        if (failure instanceof BodyTooLarge large) {
            return SharingException.of(Category.PROTOCOL, serverAt + " sent more than "
                    + ByteCountText.of(large.limit()) + " when asked to " + action + ", the most the workbench reads "
                    + "for one answer, so it stopped reading. Tell your data provider; trying again will not help.",
                    failure);
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return SharingException.retryable(Category.NETWORK, "Could not connect to " + server + " at "
                    + hostAndPort + " in time to " + action + ". Check your network connection and proxy "
                    + "settings.", failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return SharingException.retryable(Category.NETWORK, serverAt + " did not answer in time when asked to "
                    + action + ". Try again later.", failure);
        }
        if (hasCause(failure, SSLException.class)) {
            return SharingException.of(Category.NETWORK, "Could not open a secure connection to " + server + " at "
                    + hostAndPort + " (the certificate was not trusted or the TLS handshake failed). The workbench "
                    + "never skips certificate checks; if your organisation inspects secure traffic, add its "
                    + "certificate to Java's trust store.", failure);
        }
        if (hasCause(failure, UnresolvedAddressException.class) || hasCause(failure, UnknownHostException.class)) {
            return SharingException.retryable(Category.NETWORK, "Cannot find " + server + " at " + hostAndPort
                    + " (unknown host). Check your network connection, proxy settings and the profile's address.",
                    failure);
        }
        if (failure instanceof ConnectException) {
            return SharingException.retryable(Category.NETWORK, "Cannot reach " + server + " at " + hostAndPort
                    + " (connection refused). Check your network connection and proxy settings, and that the "
                    + "server is running.", failure);
        }
        return SharingException.retryable(Category.NETWORK, "The connection to " + server + " at " + hostAndPort
                + " broke while trying to " + action + ". Check your network connection and try again.", failure);
    }

    private Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("retry-after").flatMap(h -> RetryAfter.parse(h, clock.instant())).orElse(null);
    }

    private static boolean needsUnsupportedFeatures(ErrorBody error) {
        String all = (error.code() + " " + error.dsError() + " " + error.message()).toLowerCase(Locale.ROOT);
        return all.contains("unsupported_delta_table_features") || all.contains("deletion vector")
                || all.contains("deletionvector") || all.contains("column mapping") || all.contains("columnmapping")
                || (all.contains("unsupported_operation") && all.contains("feature"));
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
