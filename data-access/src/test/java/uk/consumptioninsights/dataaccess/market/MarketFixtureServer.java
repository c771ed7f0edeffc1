package uk.consumptioninsights.dataaccess.market;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;

/**
 * A loopback stand-in for the three market APIs (bound to 127.0.0.1): Elexon under {@code /bmrs/api/v1}, NESO under
 * {@code /api/3/action}, the Carbon Intensity API under {@code /ci}. Unscripted paths answer from
 * {@link SyntheticMarket}; a test scripts recorded payloads or faults per path prefix. Every request is recorded.
 */
final class MarketFixtureServer implements AutoCloseable {

    /** One answer; a positive {@code delay} is waited before the headers are sent. */
    record Answer(int status, String body, Map<String, String> headers, Duration delay) {
        static Answer json(String body) {
            return new Answer(200, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
        }

        static Answer status(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
        }

        static Answer recorded(String fixture) {
            return json(fixture(fixture));
        }
    }

    /** A request as received: the path below the API's base and the decoded query. */
    record Request(String path, String query) {
        String param(String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> scripted = new ConcurrentHashMap<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every small answer then
        // waits ~40 ms for a delayed ACK, which would dominate the benchmark and is not the client's doing.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    MarketFixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "market-fixture");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Answers every request whose path starts with {@code pathPrefix} (e.g. {@code /bmrs/api/v1/datasets/FUELHH}). */
    MarketFixtureServer on(String pathPrefix, Function<Request, Answer> answer) {
        scripted.put(pathPrefix, answer);
        return this;
    }

    MarketFixtureServer always(String pathPrefix, Answer answer) {
        return on(pathPrefix, r -> answer);
    }

    /** Settings pointing every API at this server, with quick retries that do not wait and no NESO spacing. */
    MarketSettings settings() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return MarketSettings.defaults()
                .withBases(URI.create(base + "/bmrs/api/v1"), URI.create(base + "/api/3/action"),
                        URI.create(base + "/ci"))
                .withRetries(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1), 0),
                        (duration, progress) -> progress.checkCancelled(), Duration.ZERO);
    }

    int count(String pathPart) {
        synchronized (requests) {
            return (int) requests.stream().filter(r -> r.path().contains(pathPart)).count();
        }
    }

    static String fixture(String name) {
        try (InputStream in = MarketFixtureServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Request request = new Request(uri.getRawPath(), uri.getRawQuery());
        requests.add(request);
        Answer answer = scripted.entrySet().stream()
                .filter(e -> request.path().startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(e -> e.getValue().apply(request))
                .orElseGet(() -> SyntheticMarket.answer(request));
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
