package uk.consumptioninsights.dataaccess.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.http.BodyTooLarge;
import uk.consumptioninsights.dataaccess.sharing.http.ByteCountText;
import uk.consumptioninsights.dataaccess.sharing.http.CallDeadlineExceeded;
import uk.consumptioninsights.dataaccess.sharing.http.DurationText;
import uk.consumptioninsights.dataaccess.sharing.http.ErrorBody;
import uk.consumptioninsights.dataaccess.sharing.http.HttpFailures;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.Retrier;
import uk.consumptioninsights.dataaccess.sharing.http.RetryAfter;
import uk.consumptioninsights.dataaccess.sharing.http.SizeLimitedBody;
import uk.consumptioninsights.dataaccess.sharing.http.StallGuard;
import uk.consumptioninsights.dataaccess.sharing.http.UserAgent;
import uk.consumptioninsights.model.work.Progress;

/**
 * One JSON GET to a market API: within the call deadline and the answer size limit, retried on 429, 5xx and broken
 * connections with the Delta Sharing client's {@link Retrier}, deadline guard and size limit (the same code, not a
 * copy). Every failure reaches the caller as one {@link MarketDataException} line.
 */
final class MarketHttp {

    private static final Logger LOG = LoggerFactory.getLogger(MarketHttp.class);
    private static final int MAX_ERROR_BODY = 16 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    private final MarketSettings settings;
    private final HttpClient http;
    private final Retrier retrier;
    private final Clock clock;

    MarketHttp(MarketSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.retrier = new Retrier(settings.retryPolicy(), settings.sleeper());
        this.clock = Clock.systemUTC();
    }

    MarketSettings settings() {
        return settings;
    }

    /**
     * @param pathAndQuery appended to the source's base, already percent-encoded
     * @param action       what was asked, as a verb phrase for messages ("fetch FUELHH for 2024-10-27")
     */
    JsonNode get(MarketSource source, String pathAndQuery, String action, Progress progress) {
        URI uri = URI.create(stripSlash(settings.base(source).toString()) + pathAndQuery);
        try {
            return retrier.run(action, progress, () -> sendOnce(source, uri, action));
        } catch (SharingException failure) {
            throw new MarketDataException(failure.getMessage(), failure.retryable(), failure);
        }
    }

    private JsonNode sendOnce(MarketSource source, URI uri, String action) {
        Duration deadline = settings.callDeadline();
        Duration timeout = settings.requestTimeout().compareTo(deadline) < 0 ? settings.requestTimeout() : deadline;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").header("User-Agent", UserAgent.value()).build();
        String hostAndPort = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        long started = System.nanoTime();
        LOG.debug("GET {}", Redaction.url(uri));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw HttpFailures.network(e, source.displayName(), action, hostAndPort);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        }
        try (InputStream body = new StallGuard(response.body(), timeout, deadline, started)) {
            int status = response.statusCode();
            if (status / 100 == 2) {
                return parse(new SizeLimitedBody(body, settings.maxResponseBytes()), source, action);
            }
            String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
            throw refused(source, status, response.headers(), text, action);
        } catch (BodyTooLarge large) {
            // The shared wording sends the user to a data provider; a public API has none, so say what helps here.
            throw SharingException.of(Category.PROTOCOL, capital(source) + " at " + hostAndPort + " sent more than "
                    + ByteCountText.of(large.limit()) + " when asked to " + action + ", the most the workbench reads "
                    + "for one answer, so it stopped reading. Ask for fewer days at a time; the data already stored "
                    + "is unchanged.", large);
        } catch (CallDeadlineExceeded late) {
            throw SharingException.of(Category.NETWORK, capital(source) + " at " + hostAndPort + " did not finish "
                    + "sending its answer within " + DurationText.of(late.limit()) + " when asked to " + action
                    + ", so the workbench stopped. The connection may be slow; try again later.", late);
        } catch (IOException e) {
            throw HttpFailures.network(e, source.displayName(), action, hostAndPort);
        }
    }

    private static JsonNode parse(InputStream body, MarketSource source, String action) throws IOException {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw SharingException.of(Category.PROTOCOL, capital(source) + " sent an empty answer when asked to "
                        + action + ". Try again later.");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SharingException.of(Category.PROTOCOL, capital(source) + " answered with something that is not "
                    + "JSON when asked to " + action + ". Check the address in the market data settings.", e);
        }
    }

    private SharingException refused(MarketSource source, int status, HttpHeaders headers, String body,
                                     String action) {
        ErrorBody error = ErrorBody.parse(body);
        String quoted = error.isEmpty() ? "" : ": " + error.summary();
        String who = capital(source);
        if (status == 429) {
            Duration wait = headers.firstValue("retry-after").flatMap(h -> RetryAfter.parse(h, clock.instant()))
                    .orElse(null);
            return SharingException.http(Category.RATE_LIMITED, who + " asked the workbench to slow down when asked "
                    + "to " + action + " (429 Too Many Requests). Try again in a few minutes.", status, true, null,
                    wait);
        }
        if (status >= 500) {
            return SharingException.http(Category.SERVER, who + " failed when asked to " + action + " (" + status
                    + quoted + "). Try again later; the data already stored is unchanged.", status, true, null, null);
        }
        return SharingException.http(Category.BAD_REQUEST, who + " refused to " + action + " (" + status + quoted
                + "). Check the date range; if it keeps happening the API may have changed.", status, false, null,
                null);
    }

    static String capital(MarketSource source) {
        String name = source.displayName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
