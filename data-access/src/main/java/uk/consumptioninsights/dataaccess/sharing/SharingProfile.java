package uk.consumptioninsights.dataaccess.sharing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.http.TokenCharacters;
import uk.consumptioninsights.dataaccess.sharing.profile.ProfileFile;
import uk.consumptioninsights.dataaccess.sharing.profile.ProfileParser;

/**
 * A Delta Sharing profile (the provider's {@code .share} file): where the sharing server is and how to authenticate.
 * {@link #toString()} never shows a secret.
 *
 * @param version        the profile's shareCredentialsVersion (1 or 2)
 * @param endpoint       the sharing server's base URL, path prefix included, as written in the profile
 * @param expirationTime when a version-1 token expires, or null when the profile does not say
 * @param warnings       problems that do not stop the profile from working, in words for the user
 */
public record SharingProfile(int version, URI endpoint, Credentials credentials, Instant expirationTime,
                             List<String> warnings) {

    /** How the client proves who it is. */
    public sealed interface Credentials permits BearerToken, OAuthClientCredentials {
    }

    /** A static token sent as {@code Authorization: Bearer}. */
    public record BearerToken(String token) implements Credentials {
        public BearerToken {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("A bearer token cannot be empty");
            }
            TokenCharacters.problem(token).ifPresent(problem -> {
                throw new IllegalArgumentException("A bearer token cannot hold " + problem);
            });
        }

        @Override
        public String toString() {
            return "BearerToken[***]";
        }
    }

    /** OAuth 2.0 client credentials exchanged at {@code tokenEndpoint} for short-lived access tokens. */
    public record OAuthClientCredentials(URI tokenEndpoint, String clientId, String clientSecret, String scope)
            implements Credentials {
        @Override
        public String toString() {
            return "OAuthClientCredentials[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId
                    + ", clientSecret=***, scope=" + scope + "]";
        }
    }

    public SharingProfile {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public SharingProfile(int version, URI endpoint, Credentials credentials, Instant expirationTime) {
        this(version, endpoint, credentials, expirationTime, List.of());
    }

    public static SharingProfile parse(String json) throws ProfileException {
        return ProfileParser.parse(json);
    }

    public static SharingProfile read(Path file) throws ProfileException, IOException {
        return ProfileParser.parse(ProfileFile.read(file));
    }

    public boolean isExpired(Instant now) {
        return expirationTime != null && !now.isBefore(expirationTime);
    }

    /** Whole days until the token expires (negative once it has), or empty when the profile gives no expiry. */
    public OptionalLong daysUntilExpiry(Instant now) {
        if (expirationTime == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.floorDiv(Duration.between(now, expirationTime).getSeconds(), 86_400L));
    }

    public OptionalLong daysUntilExpiry() {
        return daysUntilExpiry(Instant.now());
    }

    /** True when the token expires within {@code window} from now, or already has: time for the warning banner. */
    public boolean expiresWithin(Duration window, Instant now) {
        return expirationTime != null && expirationTime.isBefore(now.plus(window));
    }

    public boolean expiresWithin(Duration window) {
        return expiresWithin(window, Instant.now());
    }

    @Override
    public String toString() {
        return "SharingProfile[version=" + version + ", endpoint=" + endpoint + ", credentials=" + credentials
                + ", expirationTime=" + expirationTime + ", warnings=" + warnings + "]";
    }
}
