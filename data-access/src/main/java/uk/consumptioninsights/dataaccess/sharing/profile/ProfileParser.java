package uk.consumptioninsights.dataaccess.sharing.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.ProfileException;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.BearerToken;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.Credentials;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.OAuthClientCredentials;
import uk.consumptioninsights.dataaccess.sharing.http.LoopbackHost;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.sharing.http.TokenCharacters;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * Turns a profile's JSON into a {@link SharingProfile}, refusing every malformed case with a message that names the
 * problem and what to do. Messages never quote a token or a client secret.
 */
public final class ProfileParser {

    /** Version 1 is the spec's; version 2 adds typed credentials (OAuth), as both reference clients accept. */
    public static final int NEWEST_VERSION = 2;

    private static final String ASK_PROVIDER = " Ask your data provider for a new profile file.";

    private ProfileParser() {
    }

    public static SharingProfile parse(String json) throws ProfileException {
        JsonNode root = readJson(json);
        int version = credentialsVersion(root);
        List<String> warnings = new ArrayList<>();
        URI endpoint = httpUri(root, "endpoint", warnings);
        Credentials credentials = version == 1 ? bearer(root) : versionTwoCredentials(root, warnings);
        Instant expiration = credentials instanceof BearerToken ? expirationTime(root, warnings) : null;
        return new SharingProfile(version, endpoint, credentials, expiration, warnings);
    }

    private static JsonNode readJson(String json) throws ProfileException {
        if (json == null || json.isBlank()) {
            throw new ProfileException("The profile file is empty." + ASK_PROVIDER);
        }
        JsonNode root;
        try {
            root = SharingJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ProfileException("The profile file is not valid JSON" + where
                    + ". A Delta Sharing profile is the .share file your data provider sent; check it was not "
                    + "edited or cut short, or ask your data provider for a new copy.");
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException("The profile file does not hold a JSON object, so it is not a Delta Sharing "
                    + "profile." + ASK_PROVIDER);
        }
        return root;
    }

    private static int credentialsVersion(JsonNode root) throws ProfileException {
        JsonNode node = root.get("shareCredentialsVersion");
        if (node == null || node.isNull()) {
            throw new ProfileException("The profile has no shareCredentialsVersion, so it is not a Delta Sharing "
                    + "profile the workbench can read." + ASK_PROVIDER);
        }
        long version;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            version = node.asInt();
        } else if (node.isTextual() && node.asText().trim().matches("\\d{1,9}")) {
            version = Integer.parseInt(node.asText().trim());
        } else {
            throw new ProfileException("The profile's shareCredentialsVersion must be a whole number such as 1, not "
                    + describe(node) + "." + ASK_PROVIDER);
        }
        if (version < 1) {
            throw new ProfileException("The profile's shareCredentialsVersion is " + version
                    + ", which is not a valid version (1 or 2)." + ASK_PROVIDER);
        }
        if (version > NEWEST_VERSION) {
            throw new ProfileException("The profile uses format version " + version + ", which is newer than this "
                    + "workbench understands (up to " + NEWEST_VERSION + "). Update the workbench, or ask your data "
                    + "provider for a version 1 profile.");
        }
        return (int) version;
    }

    private static Credentials versionTwoCredentials(JsonNode root, List<String> warnings) throws ProfileException {
        JsonNode typeNode = root.get("type");
        if (typeNode != null && !typeNode.isNull() && !typeNode.isTextual()) {
            throw new ProfileException("The profile's type must be text such as \"bearer_token\", not "
                    + describe(typeNode) + "." + ASK_PROVIDER);
        }
        String type = typeNode == null || typeNode.isNull() ? "bearer_token" : typeNode.asText().trim();
        return switch (type) {
            case "bearer_token" -> bearer(root);
            case "oauth_client_credentials" -> clientCredentials(root, warnings);
            case "oauth_jwt_bearer_private_key_jwt", "basic" -> throw new ProfileException("The profile uses \""
                    + type + "\" authentication, which the workbench does not support yet (it supports bearer_token "
                    + "and oauth_client_credentials). Ask your data provider for a profile with a bearer token or "
                    + "OAuth client credentials.");
            default -> throw new ProfileException("The profile's authentication type \"" + shorten(type)
                    + "\" is not one the workbench knows (bearer_token, oauth_client_credentials)." + ASK_PROVIDER);
        };
    }

    private static BearerToken bearer(JsonNode root) throws ProfileException {
        return new BearerToken(requiredCredential(root, "bearerToken", "the token that proves who you are"));
    }

    private static OAuthClientCredentials clientCredentials(JsonNode root, List<String> warnings)
            throws ProfileException {
        URI tokenEndpoint = httpUri(root, "tokenEndpoint", warnings);
        String clientId = requiredCredential(root, "clientId", "the OAuth client id");
        String clientSecret = requiredCredential(root, "clientSecret", "the OAuth client secret");
        JsonNode scope = root.get("scope");
        if (scope != null && !scope.isNull() && !scope.isTextual()) {
            throw new ProfileException("The profile's scope must be text, not " + describe(scope) + "."
                    + ASK_PROVIDER);
        }
        String scopeText = scope == null || scope.isNull() || scope.asText().isBlank() ? null : scope.asText().trim();
        return new OAuthClientCredentials(tokenEndpoint, clientId, clientSecret, scopeText);
    }

    private static String requiredText(JsonNode root, String field, String meaning) throws ProfileException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new ProfileException("The profile has no " + field + " (" + meaning + ")." + ASK_PROVIDER);
        }
        if (!node.isTextual()) {
            // Never quote the value: it may be the secret itself.
            throw new ProfileException("The profile's " + field + " must be text (in quotes)." + ASK_PROVIDER);
        }
        if (node.asText().isBlank()) {
            throw new ProfileException("The profile's " + field + " is empty." + ASK_PROVIDER);
        }
        return node.asText().trim();
    }

    /**
     * A credential: a line break or other control character in it means the file was damaged (and the first request
     * would fail quoting it), so it is refused here, without ever quoting it.
     */
    private static String requiredCredential(JsonNode root, String field, String meaning) throws ProfileException {
        String value = requiredText(root, field, meaning);
        Optional<String> problem = TokenCharacters.problem(value);
        if (problem.isPresent()) {
            throw new ProfileException("The profile's " + field + " holds " + problem.get() + ", which a genuine "
                    + field + " never has; the file may have been damaged when it was copied or edited."
                    + ASK_PROVIDER);
        }
        return value;
    }

    private static URI httpUri(JsonNode root, String field, List<String> warnings) throws ProfileException {
        String text = requiredText(root, field, field.equals("endpoint")
                ? "the sharing server's address" : "where to get access tokens");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ProfileException("The profile's " + field + " \"" + shorten(withoutSecrets(text))
                    + "\" is not a valid URL." + ASK_PROVIDER);
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ProfileException("The profile's " + field + " \"" + shorten(withoutSecrets(text))
                    + "\" is not an http or https URL." + ASK_PROVIDER);
        }
        if (uri.getHost() == null) {
            throw new ProfileException("The profile's " + field + " \"" + shorten(withoutSecrets(text))
                    + "\" names no host." + ASK_PROVIDER);
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProfileException("The profile's " + field + " carries a user name or password in the URL, "
                    + "which the workbench does not send." + ASK_PROVIDER);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ProfileException("The profile's " + field + " has a query or fragment (after ? or #), which a "
                    + "sharing server address never has." + ASK_PROVIDER);
        }
        if (scheme.equals("http") && !LoopbackHost.is(uri.getHost())) {
            warnings.add("The profile's " + field + " uses plain http, so the token travels unencrypted. Ask your "
                    + "data provider for an https address.");
        }
        return uri;
    }

    /** A URL as quoted in a message: no user information, query or fragment, which may hold a password. */
    private static String withoutSecrets(String url) {
        String cut = Redaction.url(url);
        int scheme = cut.indexOf("://");
        int at = cut.lastIndexOf('@');
        return scheme >= 0 && at > scheme ? cut.substring(0, scheme + 3) + cut.substring(at + 1) : cut;
    }

    private static Instant expirationTime(JsonNode root, List<String> warnings) {
        JsonNode node = root.get("expirationTime");
        if (node == null || node.isNull()) {
            return null;
        }
        Optional<Instant> parsed = node.isTextual() ? ProfileInstant.parse(node.asText()) : Optional.empty();
        if (parsed.isEmpty()) {
            warnings.add("The profile's expirationTime " + shorten(node.toString()) + " is not a date and time the "
                    + "workbench understands, so it cannot warn you before the token expires.");
        }
        return parsed.orElse(null);
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "\"" + shorten(node.asText()) + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.toString();
        }
        return node.isArray() ? "a list" : "an object";
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
