package uk.consumptioninsights.dataaccess.sharing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.auth.StaticBearerToken;

class HttpFailuresTest {

    private static final String TOKEN = "dapi-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final Redaction redaction = new Redaction();
    private final HttpFailures failures = new HttpFailures(redaction, CLOCK,
            new StaticBearerToken(TOKEN, null, CLOCK)::rejectionAdvice);

    {
        redaction.add(TOKEN);
    }

    private static HttpHeaders headers(String... nameValues) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return HttpHeaders.of(map, (a, b) -> true);
    }

    private SharingException answer(int status, String body, String... headers) {
        return failures.fromResponse(status, headers(headers), body, "list the shares", "Share 'sales'");
    }

    @Test
    void unauthorizedWithAPassedExpirationTimeSaysTheTokenExpired() {
        HttpFailures expired = new HttpFailures(redaction, CLOCK,
                new StaticBearerToken(TOKEN, Instant.parse("2030-05-31T08:15:00Z"), CLOCK)::rejectionAdvice);

        SharingException e = expired.fromResponse(401, headers(), "", "list the shares", "x");

        assertThat(e.category()).isEqualTo(Category.AUTH);
        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("401").contains("expired on 2030-05-31 08:15 UTC")
                .contains("Ask your data provider for a new profile file");
    }

    @Test
    void unauthorizedWithoutExpiryBlamesRevocation() {
        assertThat(answer(401, "Unauthorized").getMessage()).contains("revoked or replaced");
    }

    @Test
    void notFoundNamesTheSubjectAndQuotesTheServer() {
        SharingException e = answer(404, "{\"errorCode\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"no share\"}");

        assertThat(e.category()).isEqualTo(Category.NOT_FOUND);
        assertThat(e.serverErrorCode()).hasValue("RESOURCE_DOES_NOT_EXIST");
        assertThat(e.getMessage()).startsWith("Share 'sales' was not found").contains("RESOURCE_DOES_NOT_EXIST: no share");
    }

    @Test
    void badRequestIsNotRetryable() {
        SharingException e = answer(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Reading table by "
                + "version or timestamp is not supported because history sharing is not enabled\"}");

        assertThat(e.category()).isEqualTo(Category.BAD_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("history sharing is not enabled");
    }

    @Test
    void tablesNeedingDeltaFeaturesAreUnsupported() {
        SharingException e = answer(400, "{\"details\":[{\"metadata\":{\"dsError\":"
                + "\"DS_UNSUPPORTED_DELTA_TABLE_FEATURES\"}}]}");

        assertThat(e.category()).isEqualTo(Category.UNSUPPORTED);
        assertThat(e.getMessage()).contains("deletion vectors or column mapping").contains("Parquet");
    }

    @Test
    void forbiddenAsksForAccess() {
        SharingException e = answer(403, "");

        assertThat(e.category()).isEqualTo(Category.AUTH);
        assertThat(e.getMessage()).contains("403 Forbidden").contains("grant you access");
    }

    @Test
    void tooManyRequestsIsRetryableWithRetryAfterSecondsOrDate() {
        assertThat(answer(429, "", "retry-after", "7").retryAfter()).hasValue(Duration.ofSeconds(7));
        SharingException dated = answer(429, "", "retry-after", "Sat, 01 Jun 2030 12:00:30 GMT");
        assertThat(dated.retryAfter()).hasValue(Duration.ofSeconds(30));
        assertThat(dated.retryable()).isTrue();
        assertThat(dated.category()).isEqualTo(Category.RATE_LIMITED);
        assertThat(answer(429, "").retryAfter()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetryable(int status) {
        SharingException e = answer(status, "<html>Bad gateway</html>");

        assertThat(e.category()).isEqualTo(Category.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains(String.valueOf(status)).contains("Try again later");
    }

    @Test
    void otherClientErrorsAreNotRetryable() {
        assertThat(answer(409, "").retryable()).isFalse();
        assertThat(answer(408, "").retryable()).isFalse();
    }

    @Test
    void redirectsAreNotFollowedAndTheirQueryIsHidden() {
        SharingException e = answer(302, "", "location", "https://elsewhere.example/x?sig=abc");

        assertThat(e.category()).isEqualTo(Category.PROTOCOL);
        assertThat(e.getMessage()).contains("https://elsewhere.example/x?…").doesNotContain("sig=abc");
    }

    @Test
    void anEchoedTokenIsScrubbedFromServerText() {
        SharingException e = answer(400, "{\"message\":\"token " + TOKEN + " is malformed\"}");

        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("token *** is malformed");
    }

    @Test
    void transportFailuresNameTheHostAndAreRetryableExceptTls() {
        String host = "sharing.example.com:443";
        assertThat(failures.fromIo(new ConnectException(), "list the shares", host))
                .satisfies(e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("Cannot reach the sharing server at sharing.example.com:443");
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        assertThat(failures.fromIo(unresolved, "list the shares", host)).hasMessageContaining("unknown host");
        assertThat(failures.fromIo(new HttpConnectTimeoutException("x"), "list the shares", host))
                .hasMessageContaining("Could not connect");
        assertThat(failures.fromIo(new HttpTimeoutException("x"), "list the shares", host))
                .hasMessageContaining("did not answer in time");
        SharingException tls = failures.fromIo(new IOException(new SSLHandshakeException("PKIX")), "x", host);
        assertThat(tls.retryable()).isFalse();
        assertThat(tls).hasMessageContaining("never skips certificate checks");
        assertThat(failures.fromIo(new IOException("reset"), "list the shares", host))
                .hasMessageContaining("broke while trying to list the shares");
    }
}
