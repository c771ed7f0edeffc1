package uk.consumptioninsights.dataaccess.sharing.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingLimits;
import uk.consumptioninsights.dataaccess.sharing.auth.TokenSource;
import uk.consumptioninsights.model.work.Progress;

/**
 * Sends {@link ApiRequest}s to the sharing server with the bearer token, retrying as the {@link Retrier} allows. This
 * is the only place the token is put on a request, and only for the endpoint's own origin. Every answer is read
 * within the call deadline and up to a size limit.
 */
public final class ApiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    /** Error bodies are quoted in messages, so only their start is read. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** Reads a successful response's body (streamed), checking what the protocol requires. */
    @FunctionalInterface
    public interface ResponseReader<T> {
        T read(HttpHeaders headers, InputStream body) throws IOException;
    }

    private final EndpointAddress endpoint;
    private final TokenSource tokens;
    private final HttpClient http;
    private final Retrier retrier;
    private final Duration requestTimeout;
    private final String userAgent;
    private final HttpFailures failures;
    private final Redaction redaction;
    private final SharingLimits limits;

    public ApiTransport(EndpointAddress endpoint, TokenSource tokens, HttpClient http, Retrier retrier,
                        Duration requestTimeout, String userAgent, HttpFailures failures, Redaction redaction,
                        SharingLimits limits) {
        this.endpoint = endpoint;
        this.tokens = tokens;
        this.http = http;
        this.retrier = retrier;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.failures = failures;
        this.redaction = redaction;
        this.limits = limits;
    }

    public <T> T send(ApiRequest request, Progress progress, ResponseReader<T> reader) {
        return retrier.run(request.action(), progress, () -> sendRenewingOnce(request, progress, reader));
    }

    /** A refused OAuth access token may just have been revoked early: fetch a new one once before giving up. */
    private <T> T sendRenewingOnce(ApiRequest request, Progress progress, ResponseReader<T> reader) {
        String token = tokens.token(progress);
        try {
            return sendOnce(request, token, reader);
        } catch (SharingException refused) {
            if (refused.httpStatus().orElse(0) == 401 && tokens.renewAfterRejection(token)) {
                LOG.info("The sharing server refused the access token; fetching a new one");
                return sendOnce(request, tokens.token(progress), reader);
            }
            throw refused;
        }
    }

    private <T> T sendOnce(ApiRequest request, String token, ResponseReader<T> reader) {
        URI uri = endpoint.resolve(request.path(), request.query());
        if (!endpoint.sameOrigin(uri)) {
            throw new IllegalStateException("Refusing to send the token outside the endpoint's origin");
        }
        long started = System.nanoTime();
        Duration deadline = limits.callDeadline();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout.compareTo(deadline) < 0 ? requestTimeout : deadline);
        authorize(builder, token);
        builder.header("User-Agent", userAgent)
                .header("Accept", "application/json, application/x-ndjson");
        request.headers().forEach(builder::header);
        if (request.jsonBody() == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8));
        }
        String method = request.jsonBody() == null ? "GET" : "POST";
        LOG.debug("{} {}", method, Redaction.url(uri));
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failures.fromIo(e, request.action(), endpoint.hostAndPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        }
        long bodyLimit = request.bodyLimit() > 0 ? request.bodyLimit() : limits.maxResponseBytes();
        try (InputStream body = new StallGuard(response.body(), requestTimeout, deadline, started)) {
            int status = response.statusCode();
            LOG.debug("{} {} -> {}", method, Redaction.url(uri), status);
            if (status / 100 == 2) {
                try {
                    return reader.read(response.headers(), new SizeLimitedBody(body, bodyLimit));
                } catch (SharingException fromServerText) {
                    throw fromServerText.withMessage(redaction.scrub(fromServerText.getMessage()));
                }
            }
            String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            throw failures.fromResponse(status, response.headers(), text, request.action(), request.subject());
        } catch (IOException e) {
            throw failures.fromIo(e, request.action(), endpoint.hostAndPort());
        }
    }

    /** Java's refusal of a bad header value quotes the value, so it is replaced by a message without the token. */
    private static void authorize(HttpRequest.Builder builder, String token) {
        try {
            builder.header("Authorization", "Bearer " + token);
        } catch (IllegalArgumentException refused) {
            throw SharingException.of(Category.AUTH, "The access token cannot be sent: it holds a line break or "
                    + "another character a request header cannot carry. Ask your data provider for a new profile "
                    + "file.");
        }
    }
}
