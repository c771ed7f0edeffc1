package uk.consumptioninsights.dataaccess.sharing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingTest {

    @Test
    void encodesEverythingButUnreservedCharacters() {
        assertThat(PercentEncoding.encode("a-b_c.d~e")).isEqualTo("a-b_c.d~e");
        assertThat(PercentEncoding.encode("a b")).isEqualTo("a%20b");
        assertThat(PercentEncoding.encode("x+y/z=")).isEqualTo("x%2By%2Fz%3D");
        assertThat(PercentEncoding.encode("100%#?&")).isEqualTo("100%25%23%3F%26");
        assertThat(PercentEncoding.encode("2022-01-01T00:00:00Z")).isEqualTo("2022-01-01T00%3A00%3A00Z");
        assertThat(PercentEncoding.encode("Zürich")).isEqualTo("Z%C3%BCrich");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eyJ0b2tlbiI6IjEyMyJ9+/==", "a b+c", "ünïcødé-%41", "~!*'();:@&=+$,/?#[]"})
    void pageTokensSurviveTheRoundTrip(String token) {
        EndpointAddress endpoint = new EndpointAddress(URI.create("https://h/ds"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("maxResults", "100");
        query.put("pageToken", token);

        URI uri = endpoint.resolve(List.of("shares"), query);
        String raw = uri.getRawQuery();

        assertThat(raw).startsWith("maxResults=100&pageToken=");
        String encoded = raw.substring(raw.indexOf("pageToken=") + "pageToken=".length());
        assertThat(encoded).doesNotContain("+", "/", "=", "&", " ");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(token);
    }

    @Test
    void trailingSlashesAreDroppedAndThePathPrefixKept() {
        URI withSlash = new EndpointAddress(URI.create("https://h.example/api/2.0/delta-sharing/metastores/m-1/"))
                .resolve(List.of("shares", "s", "schemas"), Map.of());
        URI without = new EndpointAddress(URI.create("https://h.example/delta-sharing"))
                .resolve(List.of("shares"), Map.of());

        assertThat(withSlash).hasToString("https://h.example/api/2.0/delta-sharing/metastores/m-1/shares/s/schemas");
        assertThat(without).hasToString("https://h.example/delta-sharing/shares");
    }

    @Test
    void pathSegmentsAreEncodedOneByOne() {
        URI uri = new EndpointAddress(URI.create("https://h/ds")).resolve(
                List.of("shares", "50% off", "schemas", "Ünïcode-Schema", "tables", "a#b?c"), Map.of());

        assertThat(uri.getRawPath()).isEqualTo("/ds/shares/50%25%20off/schemas/%C3%9Cn%C3%AFcode-Schema/tables/a%23b%3Fc");
        assertThat(uri.getRawQuery()).isNull();
    }

    @Test
    void theTokenOriginIsSchemeHostAndEffectivePort() {
        EndpointAddress endpoint = new EndpointAddress(URI.create("https://sharing.example.com/ds"));

        assertThat(endpoint.sameOrigin(URI.create("https://sharing.example.com:443/ds/shares"))).isTrue();
        assertThat(endpoint.sameOrigin(URI.create("https://SHARING.example.com/other"))).isTrue();
        assertThat(endpoint.sameOrigin(URI.create("https://sharing.example.com:8443/ds"))).isFalse();
        assertThat(endpoint.sameOrigin(URI.create("http://sharing.example.com/ds"))).isFalse();
        assertThat(endpoint.sameOrigin(URI.create("https://bucket.s3.amazonaws.com/x?sig=1"))).isFalse();
        assertThat(endpoint.hostAndPort()).isEqualTo("sharing.example.com:443");
    }

    @Test
    void redactionCutsSignedQueriesAndKnownSecrets() {
        Redaction redaction = new Redaction();
        redaction.add("super-secret-token");
        redaction.add("abc");

        assertThat(Redaction.url("https://b.s3/x/part-0.parquet?X-Amz-Signature=ff&X-Amz-Expires=3600"))
                .isEqualTo("https://b.s3/x/part-0.parquet?…");
        assertThat(Redaction.url("https://b/x#frag")).isEqualTo("https://b/x?…");
        assertThat(Redaction.url("https://b/x")).isEqualTo("https://b/x");
        assertThat(Redaction.url(java.net.URI.create("https://user:s3cret@host:8443/delta-sharing?t=1")))
                .isEqualTo("https://host:8443/delta-sharing?…");
        assertThat(redaction.scrub("echo super-secret-token abc")).isEqualTo("echo *** abc");
    }
}
