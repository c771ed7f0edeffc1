package uk.consumptioninsights.dataaccess.sharing.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.ProfileException;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.BearerToken;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.OAuthClientCredentials;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * Any bytes as a {@code .share} file: reading gives a usable profile or a {@link ProfileException} whose message names
 * the problem, and neither the message nor the profile's text ever quotes the bearer token or the client secret.
 * Seeds: {@code ProfileParserFuzzTestInputs/anyProfileFile/}; fuzzing: {@code JAZZER_FUZZ=1} (README, "Test it").
 */
class ProfileParserFuzzTest {

    private static final List<String> SECRET_FIELDS = List.of("bearerToken", "clientSecret");

    /** Shorter values could turn up in a message by chance ("bearer" in its wording); real secrets are far longer. */
    private static final int SHORTEST_SECRET = 8;

    /** Stand in for a secret when checking where a quoted secret came from; no message of the parser holds them. */
    private static final List<String> CANARIES = List.of("Qz7canaryQz7", "Wx9sentinelWx9");

    @TempDir
    Path folder;

    /** The profile's vocabulary, for the fuzzer to splice in. */
    @DictionaryEntries({"\"shareCredentialsVersion\":", "\"endpoint\":", "\"bearerToken\":", "\"expirationTime\":",
            "\"type\":", "\"tokenEndpoint\":", "\"clientId\":", "\"clientSecret\":", "\"scope\":",
            "\"bearer_token\"", "\"oauth_client_credentials\"", "\"basic\"", "https://", "http://", "localhost",
            "127.0.0.1", "[::1]", "@", "?", "#", "T00:00:00Z", "+01:00"})
    @FuzzTest
    void anyProfileFile(byte[] content) throws IOException {
        Path file = folder.resolve("provider.share");
        Files.write(file, content);
        String text;
        try {
            SharingProfile profile = SharingProfile.read(file);
            assertUsable(profile);
            text = profile.toString();
        } catch (ProfileException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            text = refused.getMessage();
        }
        for (String field : SECRET_FIELDS) {
            assertNoSecretQuoted(content, field, text);
        }
    }

    private static void assertUsable(SharingProfile profile) {
        assertThat(profile.version()).isBetween(1, ProfileParser.NEWEST_VERSION);
        assertThat(profile.endpoint().getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
        assertThat(profile.endpoint().getHost()).isNotNull();
        if (profile.credentials() instanceof BearerToken bearer) {
            assertThat(bearer.token()).isNotBlank();
        } else if (profile.credentials() instanceof OAuthClientCredentials oauth) {
            assertThat(oauth.tokenEndpoint().getHost()).isNotNull();
            assertThat(oauth.clientId()).isNotBlank();
            assertThat(oauth.clientSecret()).isNotBlank();
        }
    }

    /**
     * A secret found in {@code shown} may still be innocent: the same characters can be another field's value that the
     * message rightly quotes. So the profile is read again with the secret replaced: if the secret's characters are
     * still shown, they came from elsewhere; if they vanish, they were the secret's.
     */
    private static void assertNoSecretQuoted(byte[] content, String field, String shown) {
        Optional<ObjectNode> root = jsonObject(content);
        if (root.isEmpty() || !root.get().path(field).isTextual()) {
            return;
        }
        String secret = root.get().get(field).asText().trim();
        if (secret.length() < SHORTEST_SECRET || !shown.contains(secret)) {
            return;
        }
        ObjectNode replaced = root.get().deepCopy();
        replaced.put(field, CANARIES.stream().filter(c -> !c.contains(secret)).findFirst().orElseThrow());
        assertThat(shownFor(replaced))
                .as("the %s of the profile is quoted in what the workbench shows", field)
                .contains(secret);
    }

    private static String shownFor(ObjectNode root) {
        try {
            return ProfileParser.parse(SharingJson.MAPPER.writeValueAsString(root)).toString();
        } catch (ProfileException refused) {
            return refused.getMessage();
        } catch (IOException e) {
            throw new AssertionError("A parsed profile could not be written back as JSON", e);
        }
    }

    private static Optional<ObjectNode> jsonObject(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            JsonNode root = SharingJson.MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
            return root instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
