package uk.consumptioninsights.dataaccess.octopus;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.http.EndpointAddress;
import uk.consumptioninsights.dataaccess.sharing.http.HttpFailures;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.Retrier;
import uk.consumptioninsights.dataaccess.sharing.http.RetryAfter;
import uk.consumptioninsights.dataaccess.sharing.http.SizeLimitedBody;
import uk.consumptioninsights.dataaccess.sharing.http.Sleeper;
import uk.consumptioninsights.dataaccess.sharing.http.StallGuard;
import uk.consumptioninsights.dataaccess.sharing.http.UserAgent;
import uk.consumptioninsights.model.work.Progress;

/**
 * GETs JSON from the Octopus Energy API with the sharing client's HTTP pieces: the same retry policy and backoff
 * (429, 5xx, broken connections), call deadline, stall guard and size limit. The API key goes out only as HTTP Basic
 * user name, only to the configured API origin, and only on calls that need it; every URL, the configured ones and
 * the {@code next} links the API returns, is checked against that origin before any request is sent.
 */
final class OctopusTransport {

    private static final Logger LOG = LoggerFactory.getLogger(OctopusTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 16 * 1024;
    private static final String SERVER = "the Octopus Energy API";
    private static final String SERVER_SENTENCE_START = "The Octopus Energy API";

    private final OctopusSettings settings;
    private final EndpointAddress origin;
    private final ProviderSecret apiKey;
    private final HttpClient http;
    private final Retrier retrier;
    private final Redaction redaction = new Redaction();
    private final Clock clock;

    OctopusTransport(OctopusSettings settings, ProviderSecret apiKey, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.origin = new EndpointAddress(settings.apiBase());
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.value().contains(":") || apiKey.value().chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new OctopusException(OctopusException.Kind.KEY_REFUSED, "The API key holds a space, a colon or "
                    + "another character an Octopus key never has. Copy the key again from your Octopus account "
                    + "(Personal details → API access) and enter it once more.");
        }
        redaction.add(apiKey.value());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retrier = new Retrier(settings.retry(), sleeper);
        this.clock = clock;
    }

    EndpointAddress origin() {
        return origin;
    }

    /**
     * @param action       what the call does, as a verb phrase for messages ("fetch your meter's readings")
     * @param authenticate whether the call needs the API key (consumption does; products and rates are public)
     */
    JsonNode get(URI uri, String action, boolean authenticate, Progress progress) {
        if (!origin.sameOrigin(uri)) {
            // Checked before anything is sent: a link elsewhere never gets a request, let alone the key.
            throw new OctopusException(OctopusException.Kind.LINK_REFUSED, SERVER_SENTENCE_START
                    + " pointed the workbench to another address (" + Redaction.url(uri) + ") while it tried to "
                    + action + ", so it stopped there and stored nothing of this pull. Check the API address in the "
                    + "settings; if it is right, try again later.");
        }
        try {
            return retrier.run(action, progress, () -> sendOnce(uri, action, authenticate));
        } catch (SharingException failure) {
            throw toOctopus(failure);
        }
    }

    private JsonNode sendOnce(URI uri, String action, boolean authenticate) {
        long started = System.nanoTime();
        Duration deadline = settings.callDeadline();
        Duration timeout = settings.requestTimeout().compareTo(deadline) < 0 ? settings.requestTimeout() : deadline;
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", UserAgent.value())
                .header("Accept", "application/json");
        if (authenticate) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (apiKey.value() + ":").getBytes(StandardCharsets.UTF_8)));
        }
        LOG.debug("GET {}", Redaction.url(uri));
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw HttpFailures.network(e, SERVER, action, origin.hostAndPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        }
        try (InputStream body = new StallGuard(response.body(), settings.requestTimeout(), deadline, started)) {
            int status = response.statusCode();
            LOG.debug("GET {} -> {}", Redaction.url(uri), status);
            if (status / 100 == 2) {
                try {
                    return JSON.readTree(new SizeLimitedBody(body, settings.maxResponseBytes()));
                } catch (JsonProcessingException notJson) {
                    throw SharingException.of(Category.PROTOCOL, SERVER_SENTENCE_START
                            + " answered with something that is not JSON when asked to "
                            + action + ". Check the API address in the settings; if it is right, try again later.",
                            notJson);
                }
            }
            String text = redaction.scrub(new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8));
            throw fromStatus(status, response.headers(), text, action);
        } catch (IOException e) {
            throw HttpFailures.network(e, SERVER, action, origin.hostAndPort());
        }
    }

    private SharingException fromStatus(int status, HttpHeaders headers, String body, String action) {
        String detail = detail(body);
        return switch (status) {
            case 401, 403 -> SharingException.http(Category.AUTH, "The Octopus Energy API did not accept the API key ("
                    + status + "). Check the key in your Octopus account (Personal details → API access) and enter it "
                    + "again.", status, false, null, null);
            case 404 -> SharingException.http(Category.NOT_FOUND, "The Octopus Energy API does not know this meter or "
                    + "tariff (404" + detail + ") when asked to " + action + ". Check the MPAN, the meter serial number "
                    + "and the tariff code on your bill.", status, false, null, null);
            case 429 -> SharingException.http(Category.RATE_LIMITED, "The Octopus Energy API is busy and asked the "
                    + "workbench to slow down (429) when asked to " + action + ". Wait a few minutes and refresh again.",
                    status, true, null, headers.firstValue("retry-after")
                            .flatMap(h -> RetryAfter.parse(h, clock.instant())).orElse(null));
            default -> status >= 500
                    ? SharingException.http(Category.SERVER, "The Octopus Energy API failed (" + status + detail
                            + ") when asked to " + action + ". Nothing stored was changed; refresh again later.",
                            status, true, null, null)
                    : SharingException.http(Category.BAD_REQUEST, "The Octopus Energy API refused to " + action + " ("
                            + status + detail + "). Check the meter's details and the API address in the settings.",
                            status, false, null, null);
        };
    }

    /** The API's own explanation ({@code {"detail": "..."}}), shortened and on one line, when it sent one. */
    private static String detail(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            String text = node != null && node.hasNonNull("detail") ? node.get("detail").asText() : "";
            text = text.replaceAll("\\s+", " ").strip();
            if (text.length() > 200) {
                text = text.substring(0, 200) + "…";
            }
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private OctopusException toOctopus(SharingException failure) {
        OctopusException.Kind kind = switch (failure.category()) {
            case AUTH -> OctopusException.Kind.KEY_REFUSED;
            case NOT_FOUND, BAD_REQUEST -> OctopusException.Kind.NOT_FOUND;
            case RATE_LIMITED, SERVER -> OctopusException.Kind.SERVER;
            case NETWORK -> OctopusException.Kind.NETWORK;
            default -> OctopusException.Kind.PROTOCOL;
        };
        String message = redaction.scrub(failure.getMessage()).replace("tell your data provider", "tell Octopus Energy")
                .replace("Tell your data provider", "Tell Octopus Energy");
        return new OctopusException(kind, message, failure.getCause());
    }
}
