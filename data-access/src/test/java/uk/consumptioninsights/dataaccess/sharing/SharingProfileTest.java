package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.BearerToken;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.OAuthClientCredentials;

class SharingProfileTest {

    private static final String TOKEN = "dapi-secret-token-0123456789";
    private static final String SECRET = "client-secret-abcdef-987";

    private static String v1(String extra) {
        return "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://sharing.example.com/delta-sharing/\","
                + "\"bearerToken\":\"" + TOKEN + "\"" + extra + "}";
    }

    @Test
    void versionOneWithoutExpiryNeverExpires() throws Exception {
        SharingProfile profile = SharingProfile.parse(v1(""));

        assertThat(profile.version()).isEqualTo(1);
        assertThat(profile.endpoint()).hasToString("https://sharing.example.com/delta-sharing/");
        assertThat(profile.credentials()).isEqualTo(new BearerToken(TOKEN));
        assertThat(profile.expirationTime()).isNull();
        assertThat(profile.daysUntilExpiry(Instant.now())).isEmpty();
        assertThat(profile.expiresWithin(Duration.ofDays(3650))).isFalse();
        assertThat(profile.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2021-11-12T00:12:29.0Z, 2021-11-12T00:12:29Z",
            "2021-11-12T00:12:29Z, 2021-11-12T00:12:29Z",
            "2021-11-12T00:12:29.12Z, 2021-11-12T00:12:29.120Z",
            "2021-11-12T00:12:29.123456789Z, 2021-11-12T00:12:29.123456789Z",
            "2021-11-12T01:12:29.5+01:00, 2021-11-12T00:12:29.500Z",
            "2021-11-12T01:12:29+0100, 2021-11-12T00:12:29Z",
            "2021-11-11T19:12:29-05, 2021-11-12T00:12:29Z",
            "2021-11-12 00:12:29.1234, 2021-11-12T00:12:29.123400Z",
            "2021-11-12T00:12:29, 2021-11-12T00:12:29Z",
            "2021-11-12, 2021-11-12T00:00:00Z"
    })
    void expirationTimeIsReadWithAnyFractionAndOffset(String written, String expected) throws Exception {
        SharingProfile profile = SharingProfile.parse(v1(",\"expirationTime\":\"" + written + "\""));

        assertThat(profile.expirationTime()).isEqualTo(Instant.parse(expected));
        assertThat(profile.warnings()).isEmpty();
    }

    @Test
    void unreadableExpirationTimeIsAWarningNotAFailure() throws Exception {
        SharingProfile profile = SharingProfile.parse(v1(",\"expirationTime\":\"next tuesday\""));

        assertThat(profile.expirationTime()).isNull();
        assertThat(profile.warnings()).singleElement().asString()
                .contains("next tuesday").contains("cannot warn you before the token expires");
    }

    @Test
    void expiryDrivesTheWarningBanner() throws Exception {
        SharingProfile profile = SharingProfile.parse(v1(",\"expirationTime\":\"2030-01-10T12:00:00Z\""));
        Instant now = Instant.parse("2030-01-07T18:00:00Z");

        assertThat(profile.daysUntilExpiry(now)).hasValue(2);
        assertThat(profile.expiresWithin(Duration.ofDays(3), now)).isTrue();
        assertThat(profile.expiresWithin(Duration.ofDays(2), now)).isFalse();
        assertThat(profile.isExpired(now)).isFalse();
        Instant later = Instant.parse("2030-01-10T13:00:00Z");
        assertThat(profile.isExpired(later)).isTrue();
        assertThat(profile.daysUntilExpiry(later)).hasValue(-1);
        assertThat(profile.expiresWithin(Duration.ofDays(1), later)).isTrue();
    }

    @Test
    void versionTwoBearerTokenIsAccepted() throws Exception {
        SharingProfile profile = SharingProfile.parse("{\"shareCredentialsVersion\":2,\"type\":\"bearer_token\","
                + "\"endpoint\":\"https://h/p\",\"bearerToken\":\"" + TOKEN + "\",\"expirationTime\":\"2030-01-01T00:00:00Z\"}");

        assertThat(profile.version()).isEqualTo(2);
        assertThat(profile.credentials()).isEqualTo(new BearerToken(TOKEN));
        assertThat(profile.expirationTime()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void versionTwoWithoutTypeMeansBearerToken() throws Exception {
        SharingProfile profile = SharingProfile.parse("{\"shareCredentialsVersion\":2,"
                + "\"endpoint\":\"https://h/p\",\"bearerToken\":\"" + TOKEN + "\"}");

        assertThat(profile.credentials()).isInstanceOf(BearerToken.class);
    }

    @Test
    void versionTwoOAuthClientCredentials() throws Exception {
        SharingProfile profile = SharingProfile.parse("{\"shareCredentialsVersion\":2,"
                + "\"type\":\"oauth_client_credentials\",\"endpoint\":\"https://h/api/2.0/delta-sharing/metastores/m1\","
                + "\"tokenEndpoint\":\"https://login.example.com/oauth2/token\",\"clientId\":\"recipient-1\","
                + "\"clientSecret\":\"" + SECRET + "\",\"scope\":\"sharing\"}");

        assertThat(profile.credentials()).isEqualTo(new OAuthClientCredentials(
                java.net.URI.create("https://login.example.com/oauth2/token"), "recipient-1", SECRET, "sharing"));
        assertThat(profile.expirationTime()).isNull();
        assertThat(profile.toString()).doesNotContain(SECRET).contains("recipient-1");
    }

    @Test
    void toStringNeverShowsTheToken() throws Exception {
        SharingProfile profile = SharingProfile.parse(v1(""));

        assertThat(profile.toString()).doesNotContain(TOKEN).contains("sharing.example.com");
        assertThat(profile.credentials().toString()).doesNotContain(TOKEN);
    }

    @Test
    void plainHttpToARealHostIsAWarning() throws Exception {
        SharingProfile remote = SharingProfile.parse("{\"shareCredentialsVersion\":1,\"endpoint\":"
                + "\"http://sharing.example.com/ds\",\"bearerToken\":\"" + TOKEN + "\"}");
        SharingProfile local = SharingProfile.parse("{\"shareCredentialsVersion\":1,\"endpoint\":"
                + "\"http://127.0.0.1:8080/ds\",\"bearerToken\":\"" + TOKEN + "\"}");

        assertThat(remote.warnings()).singleElement().asString().contains("plain http");
        assertThat(local.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"endpoint\":\"https://h/p\",\"bearerToken\":\"t0123456\"}|has no shareCredentialsVersion",
            "{\"shareCredentialsVersion\":0,\"endpoint\":\"https://h/p\",\"bearerToken\":\"t0123456\"}|is 0, which is not a valid version",
            "{\"shareCredentialsVersion\":3,\"endpoint\":\"https://h/p\",\"bearerToken\":\"t0123456\"}|format version 3, which is newer than this workbench understands",
            "{\"shareCredentialsVersion\":1.5,\"endpoint\":\"https://h/p\",\"bearerToken\":\"t0123456\"}|must be a whole number",
            "{\"shareCredentialsVersion\":\"one\",\"endpoint\":\"https://h/p\",\"bearerToken\":\"t0123456\"}|must be a whole number",
            "{\"shareCredentialsVersion\":1,\"bearerToken\":\"t0123456\"}|has no endpoint",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"\",\"bearerToken\":\"t0123456\"}|endpoint is empty",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"ftp://h/p\",\"bearerToken\":\"t0123456\"}|not an http or https URL",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/p?x=1\",\"bearerToken\":\"t0123456\"}|has a query or fragment",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://u:p@h/p\",\"bearerToken\":\"t0123456\"}|user name or password",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/a b\",\"bearerToken\":\"t0123456\"}|is not a valid URL",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/p\"}|has no bearerToken",
            "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/p\",\"bearerToken\":\"  \"}|bearerToken is empty",
            "{\"shareCredentialsVersion\":2,\"type\":\"magic\",\"endpoint\":\"https://h/p\"}|\"magic\" is not one the workbench knows",
            "{\"shareCredentialsVersion\":2,\"type\":\"basic\",\"endpoint\":\"https://h/p\"}|does not support yet",
            "{\"shareCredentialsVersion\":2,\"type\":\"oauth_jwt_bearer_private_key_jwt\",\"endpoint\":\"https://h/p\"}|does not support yet",
            "{\"shareCredentialsVersion\":2,\"type\":\"oauth_client_credentials\",\"endpoint\":\"https://h/p\",\"clientId\":\"c\",\"clientSecret\":\"s\"}|has no tokenEndpoint",
            "{\"shareCredentialsVersion\":2,\"type\":\"oauth_client_credentials\",\"endpoint\":\"https://h/p\",\"tokenEndpoint\":\"https://t/token\",\"clientSecret\":\"s\"}|has no clientId",
            "{\"shareCredentialsVersion\":2,\"type\":\"oauth_client_credentials\",\"endpoint\":\"https://h/p\",\"tokenEndpoint\":\"https://t/token\",\"clientId\":\"c\"}|has no clientSecret",
            "[1,2]|does not hold a JSON object",
            "{\"shareCredentialsVersion\":1,|not valid JSON (line 1",
            "''|is empty"
    })
    void everyMalformedProfileGetsAClearMessage(String json, String expected) {
        assertThatThrownBy(() -> SharingProfile.parse(json))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ask your data provider"))
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("t0123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "[\"dapi-secret-in-a-list\"]", "{\"v\":\"dapi-secret-in-object\"}"})
    void aMistypedSecretIsNeverQuoted(String value) {
        assertThatThrownBy(() -> SharingProfile.parse("{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/p\","
                + "\"bearerToken\":" + value + "}"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("bearerToken must be text")
                .hasMessageNotContaining("123456789012")
                .hasMessageNotContaining("dapi-secret");
    }

    @Test
    void aTokenInBrokenJsonIsNeverQuoted() {
        assertThatThrownBy(() -> SharingProfile.parse("{\"shareCredentialsVersion\":1,\"bearerToken\":\"" + TOKEN
                + "\" \"endpoint\":1}"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void readingAFileExplainsFileProblems(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("provider.share"), "\uFEFF" + v1(""));

        assertThat(SharingProfile.read(profile).credentials()).isEqualTo(new BearerToken(TOKEN));
        assertThatThrownBy(() -> SharingProfile.read(dir.resolve("missing.share")))
                .isInstanceOf(ProfileException.class).hasMessageContaining("There is no profile file at");
        assertThatThrownBy(() -> SharingProfile.read(dir))
                .isInstanceOf(ProfileException.class).hasMessageContaining("is a folder");
        Path binary = Files.write(dir.resolve("binary.share"), new byte[]{(byte) 0xC3, (byte) 0x28, 0, 1});
        assertThatThrownBy(() -> SharingProfile.read(binary))
                .isInstanceOf(ProfileException.class).hasMessageContaining("is not a text file");
    }

    /** A profile file as the provider sent it, written to disk and read back as the app does. */
    private static SharingProfile readFile(Path dir, String json) throws Exception {
        return SharingProfile.read(Files.writeString(dir.resolve("provider.share"), json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\n|a line break",
            "\\r\\n|a line break",
            "\\t|a control character",
            "\\u0000|a control character",
            "\\u007f|a control character",
            "\\u0085|a control character",
            "\\u2028|a character a request header cannot carry"
    })
    void aTokenWithALineBreakOrControlCharacterIsRefusedWhenTheFileIsReadWithoutQuotingIt(String escaped,
            String problem, @TempDir Path dir) {
        String json = "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/p\",\"bearerToken\":\"dapi-first-half"
                + escaped + "second-half-0123\"}";

        assertThatThrownBy(() -> readFile(dir, json))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("bearerToken holds " + problem)
                .hasMessageContaining("Ask your data provider for a new profile file")
                .hasMessageNotContaining("dapi-first-half")
                .hasMessageNotContaining("second-half-0123");
    }

    @Test
    void anOAuthClientSecretWithALineBreakIsRefusedWithoutQuotingIt(@TempDir Path dir) {
        String json = "{\"shareCredentialsVersion\":2,\"type\":\"oauth_client_credentials\",\"endpoint\":\"https://h/p\","
                + "\"tokenEndpoint\":\"https://t/token\",\"clientId\":\"recipient-1\",\"clientSecret\":\"" + SECRET
                + "\\nmore\"}";

        assertThatThrownBy(() -> readFile(dir, json))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("clientSecret holds a line break")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aTokenWithOnlyATrailingLineBreakIsReadWithoutIt(@TempDir Path dir) throws Exception {
        SharingProfile profile = readFile(dir, "{\"shareCredentialsVersion\":1,\"endpoint\":\"https://h/p\","
                + "\"bearerToken\":\"" + TOKEN + "\\n\"}");

        assertThat(profile.credentials()).isEqualTo(new BearerToken(TOKEN));
    }

    /** Plain http is only unremarkable to this computer, decided from the address, never from how a name starts. */
    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080/ds, false",
            "http://127.10.20.30/ds, false",
            "http://localhost:8080/ds, false",
            "http://LOCALHOST/ds, false",
            "http://[::1]:8080/ds, false",
            "http://[0:0:0:0:0:0:0:1]/ds, false",
            "http://127.evil.example/ds, true",
            "http://127.0.0.1.evil.example/ds, true",
            "http://localhost.evil.example/ds, true",
            "http://10.0.0.1/ds, true",
            "http://[::2]/ds, true",
            "http://sharing.example.com/ds, true"
    })
    void plainHttpIsOnlyWithoutAWarningForALoopbackAddress(String endpoint, boolean warned, @TempDir Path dir)
            throws Exception {
        SharingProfile profile = readFile(dir, "{\"shareCredentialsVersion\":1,\"endpoint\":\"" + endpoint
                + "\",\"bearerToken\":\"" + TOKEN + "\"}");

        assertThat(profile.warnings()).as(endpoint).hasSize(warned ? 1 : 0);
        if (warned) {
            assertThat(profile.warnings().get(0)).contains("plain http");
        }
    }

    @Test
    void anUnreadableEndpointIsQuotedWithoutItsPasswordOrQuery() {
        assertThatThrownBy(() -> SharingProfile.parse("{\"shareCredentialsVersion\":1,\"endpoint\":"
                + "\"https://user:pa ss@h/a b?sig=s3cr3t\",\"bearerToken\":\"" + TOKEN + "\"}"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("is not a valid URL")
                .hasMessageContaining("https://h/a b")
                .hasMessageNotContaining("pa ss")
                .hasMessageNotContaining("s3cr3t");
    }
}
