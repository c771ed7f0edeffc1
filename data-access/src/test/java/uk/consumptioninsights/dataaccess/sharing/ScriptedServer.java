package uk.consumptioninsights.dataaccess.sharing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A loopback HTTP server answering from a script: for protocol edge cases the sharing fixture's fault kinds do not
 * produce (malformed headers, paginated queries, Delta-format answers, redirects). Records every request.
 */
final class ScriptedServer implements AutoCloseable {

    /** One scripted answer; {@code body} is sent as it is, so it may hold bytes that are not UTF-8. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        Answer(int status, Map<String, String> headers, String body) {
            this(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body);
        }

        static Answer ndjson(long version, String capabilities, String... lines) {
            Map<String, String> headers = new java.util.HashMap<>();
            headers.put("Content-Type", "application/x-ndjson");
            if (version >= 0) {
                headers.put("Delta-Table-Version", Long.toString(version));
            }
            if (capabilities != null) {
                headers.put("delta-sharing-capabilities", capabilities);
            }
            return new Answer(200, headers, String.join("\n", lines) + "\n");
        }
    }

    /** A request as received. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        boolean hasAuthorization() {
            return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("authorization"));
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code METHOD path} (path without the query string). */
    ScriptedServer on(String methodAndPath, Function<Received, Answer> answer) {
        routes.put(methodAndPath, answer);
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Received> received(String pathPart) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().contains(pathPart)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        received.add(request);
        Function<Received, Answer> route = routes.get(request.method() + " " + request.path());
        Answer answer = route == null ? new Answer(404, Map.of(), "{\"errorCode\":\"RESOURCE_DOES_NOT_EXIST\"}")
                : route.apply(request);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body();
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
