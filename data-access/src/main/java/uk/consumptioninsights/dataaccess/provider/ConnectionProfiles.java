package uk.consumptioninsights.dataaccess.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved provider connection profiles: one JSON file in a folder, a list keyed by profile name. Only the non-secret
 * settings are written (the types hold no secret); tokens and client secrets go to the credential store.
 */
public final class ConnectionProfiles {

    public static final String FILE_NAME = "provider-connections.json";
    private static final int FORMAT_VERSION = 1;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ConnectionProfiles(Path folder) {
        this.file = Objects.requireNonNull(folder, "folder").resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public synchronized List<ConnectionProfile> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            List<ConnectionProfile> profiles = new ArrayList<>();
            for (JsonNode node : root.path("profiles")) {
                profiles.add(read(node));
            }
            return List.copyOf(profiles);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the saved connections in " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<ConnectionProfile> find(String name) {
        return list().stream().filter(p -> p.name().equals(name.strip())).findFirst();
    }

    /** Adds the profile, or replaces the one with the same name. */
    public synchronized void save(ConnectionProfile profile) {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(profile);
        write(profiles);
    }

    /** Removes the named profile; true if there was one. */
    public synchronized boolean delete(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        boolean removed = profiles.removeIf(p -> p.name().equals(name.strip()));
        if (removed) {
            write(profiles);
        }
        return removed;
    }

    private void write(List<ConnectionProfile> profiles) {
        ObjectNode root = json.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode list = root.putArray("profiles");
        profiles.forEach(p -> list.add(toJson(p)));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                json.writeValue(temp.toFile(), root);
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the connections to " + file, e);
        }
    }

    // A reader never sees a half-written file: the new list replaces the old one in a single rename.
    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private ObjectNode toJson(ConnectionProfile profile) {
        ProviderConnectionSettings s = profile.settings();
        ObjectNode node = json.createObjectNode();
        node.put("name", profile.name());
        node.put("host", s.host());
        node.put("httpPath", s.httpPath());
        s.catalog().ifPresent(c -> node.put("catalog", c));
        s.schema().ifPresent(c -> node.put("schema", c));
        ObjectNode signIn = node.putObject("signIn");
        signIn.put("kind", s.signIn().kind());
        if (s.signIn() instanceof SignIn.OAuthBrowser browser) {
            browser.clientId().ifPresent(id -> signIn.put("clientId", id));
        } else if (s.signIn() instanceof SignIn.OAuthClientCredentials m2m) {
            signIn.put("clientId", m2m.clientId());
        }
        node.put("transport", s.transport().name());
        node.put("connectTimeoutSeconds", s.connectTimeout().toSeconds());
        node.put("queryTimeoutSeconds", s.queryTimeout().toSeconds());
        return node;
    }

    private static ConnectionProfile read(JsonNode node) {
        JsonNode signInNode = node.path("signIn");
        Optional<String> clientId = text(signInNode, "clientId");
        SignIn signIn = switch (signInNode.path("kind").asText()) {
            case "personal-access-token" -> new SignIn.PersonalAccessToken();
            case "oauth-browser" -> new SignIn.OAuthBrowser(clientId);
            case "oauth-client-credentials" -> new SignIn.OAuthClientCredentials(clientId.orElse(""));
            default -> throw new IllegalArgumentException("unknown sign-in '" + signInNode.path("kind").asText() + "'");
        };
        ProviderConnectionSettings settings = new ProviderConnectionSettings(
                node.path("host").asText(), node.path("httpPath").asText(), text(node, "catalog"), text(node, "schema"),
                signIn, Transport.valueOf(node.path("transport").asText(Transport.THRIFT.name())),
                seconds(node, "connectTimeoutSeconds", ProviderConnectionSettings.DEFAULT_CONNECT_TIMEOUT),
                seconds(node, "queryTimeoutSeconds", ProviderConnectionSettings.DEFAULT_QUERY_TIMEOUT));
        return new ConnectionProfile(node.path("name").asText(), settings);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Duration seconds(JsonNode node, String field, Duration fallback) {
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToLong() ? fallback : Duration.ofSeconds(value.asLong());
    }
}
