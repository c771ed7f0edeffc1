package uk.consumptioninsights.dataaccess.sharing.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingLimits;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.OAuthClientCredentials;
import uk.consumptioninsights.dataaccess.sharing.http.ErrorBody;
import uk.consumptioninsights.dataaccess.sharing.http.HttpFailures;
import uk.consumptioninsights.dataaccess.sharing.http.PercentEncoding;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.Retrier;
import uk.consumptioninsights.dataaccess.sharing.http.SizeLimitedBody;
import uk.consumptioninsights.dataaccess.sharing.http.StallGuard;
import uk.consumptioninsights.dataaccess.sharing.http.TokenCharacters;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;
import uk.consumptioninsights.dataaccess.sharing.protocol.StrictUtf8;
import uk.consumptioninsights.model.work.Progress;

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4): exchanges the profile's client id and secret at its token
 * endpoint, reuses the access token, and fetches a new one when less than ten minutes (or half its lifetime) remain.
 * The client secret goes only to the token endpoint; tokens are never logged. Answers are read within the call
 * deadline and up to a size no token answer comes near.
 */
public final class ClientCredentialsTokens implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokens.class);
    /** Both reference clients renew this long before expiry. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(10);
    /** Token answers are a few hundred bytes. */
    static final long MAX_ANSWER = 1_000_000;
    /** Error bodies are quoted in messages, so only their start is read. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final OAuthClientCredentials credentials;
    private final HttpClient http;
    private final Retrier retrier;
    private final Duration requestTimeout;
    private final String userAgent;
    private final Clock clock;
    private final Redaction redaction;
    private final HttpFailures failures;
    private final Duration callDeadline;

    private String accessToken;
    private Instant obtainedAt;
    private Instant expiresAt;

    public ClientCredentialsTokens(OAuthClientCredentials credentials, HttpClient http, Retrier retrier,
                                   Duration requestTimeout, String userAgent, Clock clock, Redaction redaction,
                                   SharingLimits limits) {
        this.credentials = credentials;
        this.http = http;
        this.retrier = retrier;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        this.clock = clock;
        this.redaction = redaction;
        this.failures = new HttpFailures(redaction, clock, this::rejectionAdvice);
        this.callDeadline = limits.callDeadline();
        redaction.add(credentials.clientSecret());
    }

    @Override
    public synchronized String token(Progress progress) {
        if (accessToken == null || dueForRenewal(clock.instant())) {
            retrier.run("get an access token", progress, this::exchange);
        }
        return accessToken;
    }

    private boolean dueForRenewal(Instant now) {
        if (expiresAt == null) {
            return false;
        }
        Duration lifetime = Duration.between(obtainedAt, expiresAt);
        Duration margin = lifetime.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
        return !now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public synchronized boolean renewAfterRejection(String rejected) {
        if (rejected != null && rejected.equals(accessToken)) {
            accessToken = null;
        }
        return true;
    }

    @Override
    public String rejectionAdvice() {
        return "The access token obtained with the profile's OAuth client credentials was refused; this client may "
                + "no longer have access. Ask your data provider to check the recipient's access or send a new "
                + "profile file.";
    }

    private Void exchange() {
        URI endpoint = credentials.tokenEndpoint();
        String form = "grant_type=client_credentials"
                + (credentials.scope() == null ? "" : "&scope=" + PercentEncoding.encode(credentials.scope()));
        String basic = Base64.getEncoder().encodeToString(
                (credentials.clientId() + ":" + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8));
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout.compareTo(callDeadline) < 0 ? requestTimeout : callDeadline)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        String host = endpoint.getHost() + (endpoint.getPort() >= 0 ? ":" + endpoint.getPort() : "");
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = new SizeLimitedBody(new StallGuard(response.body(), requestTimeout, callDeadline,
                    started), MAX_ANSWER)) {
                body = response.statusCode() / 100 == 2 ? in.readAllBytes() : in.readNBytes(MAX_ERROR_BODY);
            }
        } catch (IOException e) {
            throw HttpFailures.network(e, "the OAuth token endpoint", "get an access token", host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        }
        int status = response.statusCode();
        // Error bodies are only quoted, so a stray byte may show as U+FFFD there; a token answer must be UTF-8.
        String errorText = new String(body, StandardCharsets.UTF_8);
        if (status == 400 || status == 401 || status == 403) {
            ErrorBody error = ErrorBody.parse(redaction.scrub(errorText));
            throw SharingException.http(Category.AUTH, "The OAuth token endpoint at " + host + " refused the "
                    + "profile's client credentials (" + status + (error.isEmpty() ? "" : ": " + error.summary())
                    + "). Check that the profile is the current one, or ask your data provider for a new profile "
                    + "file.", status, false, error.code(), null);
        }
        if (status / 100 != 2) {
            throw failures.fromResponse(status, response.headers(), errorText, "issue an access token",
                    "The OAuth token endpoint");
        }
        accept(body, host);
        return null;
    }

    private void accept(byte[] body, String host) {
        JsonNode json;
        try {
            json = SharingJson.MAPPER.readTree(StrictUtf8.decoder().decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            throw SharingException.of(Category.AUTH, "The OAuth token endpoint at " + host + " answered with bytes "
                    + "that are not UTF-8 text. Ask your data provider to check the profile's token endpoint.");
        } catch (IOException e) {
            json = null;
        }
        String token = SharingJson.text(json, "access_token").filter(t -> !t.isBlank()).orElseThrow(() ->
                SharingException.of(Category.AUTH, "The OAuth token endpoint at " + host + " answered without an "
                        + "access token. Ask your data provider to check the profile's token endpoint."));
        redaction.add(token);
        Optional<String> problem = TokenCharacters.problem(token);
        if (problem.isPresent()) {
            throw SharingException.of(Category.AUTH, "The OAuth token endpoint at " + host + " answered with an "
                    + "access token holding " + problem.get() + ", which cannot be sent to the sharing server. Ask "
                    + "your data provider to check the profile's token endpoint.");
        }
        OptionalLong seconds = SharingJson.whole(json, "expires_in");
        Instant now = clock.instant();
        accessToken = token;
        obtainedAt = now;
        expiresAt = seconds.isPresent() && seconds.getAsLong() > 0 ? now.plusSeconds(seconds.getAsLong()) : null;
        LOG.info("Obtained an access token from {} ({})", host,
                expiresAt == null ? "no stated lifetime" : "valid for " + seconds.getAsLong() + " s");
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokens[" + credentials + "]";
    }
}
