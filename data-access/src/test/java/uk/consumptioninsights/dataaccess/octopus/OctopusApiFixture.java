package uk.consumptioninsights.dataaccess.octopus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the Octopus Energy API (127.0.0.1 only, test scope). It serves the recorded responses in
 * {@code shared/fixtures/apis} (verbatim for the exact recorded request) and, for any other window, what the recordings
 * lack: a meter's half-hours generated over the time it is told to hold, rendered as the API writes them (UK local time
 * with offset, {@code Z} in GMT), with Django-REST-Framework pagination ({@code next} links with the original
 * parameters plus {@code page}, keys sorted, values percent-encoded). Consumption needs the API key as the HTTP Basic
 * user name; rates and meter points are public. Faults are queued per request; every request is logged.
 */
final class OctopusApiFixture implements AutoCloseable {

    static final String MPAN = "1901234567899";
    static final String SERIAL = "21E1234567";
    static final String TARIFF = "E-1R-AGILE-24-10-01-J";
    static final String PRODUCT = "AGILE-24-10-01";
    private static final String RECORDED_HOST = "https://api.octopus.energy";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONSUMPTION = Pattern.compile(
            "/v1/electricity-meter-points/(\\d+)/meters/([A-Za-z0-9]+)/consumption/");
    private static final Pattern METER_POINT = Pattern.compile("/v1/electricity-meter-points/(\\d+)/");
    private static final Pattern RATES = Pattern.compile(
            "/v1/products/([A-Z0-9-]+)/electricity-tariffs/([A-Z0-9-]+)/standard-unit-rates/");
    /** The request page 1 of the recording stands for. */
    private static final Map<String, String> RECORDED_QUERY = Map.of("order_by", "period", "page_size", "4",
            "period_from", "2024-10-26T22:00:00Z", "period_to", "2024-10-27T02:00:00Z");

    /** A request as received. */
    record Request(String path, Map<String, String> query, Optional<String> authorization) {
        boolean isConsumption() {
            return CONSUMPTION.matcher(path).matches();
        }
    }

    /** What to do instead of answering, for one request. */
    sealed interface Fault permits Status, Stall, Oversized {
    }

    /** Answer with this status and body. */
    record Status(int status, String body) implements Fault {
    }

    /** Send no headers until the fixture closes (or ten seconds pass). */
    record Stall() implements Fault {
    }

    /** Answer 200 with a JSON body of about this many bytes. */
    record Oversized(int bytes) implements Fault {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private final String apiKey;
    private final NavigableMap<Instant, Double> readings = Collections.synchronizedNavigableMap(new TreeMap<>());
    private final NavigableMap<Instant, JsonNode> rates = Collections.synchronizedNavigableMap(new TreeMap<>());
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recordedVerbatim;
    private volatile boolean recordedLinksRewritten = true;
    private volatile boolean repeatRowAcrossPages;

    OctopusApiFixture(String apiKey) throws IOException {
        this.apiKey = apiKey;
        for (JsonNode rate : recorded("octopus-standard-unit-rates-agile.json").path("results")) {
            rates.put(Instant.parse(rate.path("valid_from").asText()), rate);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Holds a reading for every half-hour starting in {@code [from, to)}: the recorded value where the recordings have
     * one, otherwise a made-up one that never repeats within a day.
     */
    void holdReadings(Instant from, Instant to) {
        Map<Instant, Double> recordedValues = recordedReadings();
        for (Instant start = from; start.isBefore(to); start = start.plusSeconds(1800)) {
            long halfHours = start.getEpochSecond() / 1800;
            readings.put(start, recordedValues.getOrDefault(start, 0.1 + Math.floorMod(halfHours, 97) / 1000.0));
        }
    }

    Map<Instant, Double> readings() {
        return Map.copyOf(readings);
    }

    /** Serves the recorded pages for the recorded request, with their links pointing here or (false) at the real host. */
    void serveRecordedPages(boolean linksRewritten) {
        recordedVerbatim = true;
        recordedLinksRewritten = linksRewritten;
    }

    /** Each page after the first also starts with the previous page's last row, as when rows shift between requests. */
    void repeatRowAcrossPages() {
        repeatRowAcrossPages = true;
    }

    void fail(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> consumptionRequests() {
        return requests().stream().filter(Request::isConsumption).toList();
    }

    static Map<Instant, Double> recordedReadings() {
        Map<Instant, Double> values = new TreeMap<>();
        for (String page : List.of("octopus-consumption-page1.json", "octopus-consumption-page2.json")) {
            for (JsonNode row : recorded(page).path("results")) {
                values.put(OffsetDateTime.parse(row.path("interval_start").asText()).toInstant(),
                        row.path("consumption").asDouble());
            }
        }
        return values;
    }

    static String recordedText(String name) {
        try (InputStream in = OctopusApiFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode recorded(String name) {
        try {
            return JSON.readTree(recordedText(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Optional<String> authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(new Request(path, query, authorization));
            Fault fault = faults.poll();
            if (fault instanceof Status status) {
                send(exchange, status.status(), status.body());
                return;
            }
            if (fault instanceof Stall) {
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (fault instanceof Oversized oversized) {
                send(exchange, 200, "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[],\"padding\":\""
                        + "x".repeat(oversized.bytes()) + "\"}");
                return;
            }
            Matcher consumption = CONSUMPTION.matcher(path);
            Matcher meterPoint = METER_POINT.matcher(path);
            Matcher unitRates = RATES.matcher(path);
            if (consumption.matches()) {
                if (!authorization.equals(Optional.of(basic(apiKey)))) {
                    // Like some APIs, echo what came in: the client must scrub it before quoting the body.
                    send(exchange, 401, "{\"detail\":\"Invalid API key " + presentedKey(authorization) + ".\"}");
                    return;
                }
                if (!consumption.group(1).equals(MPAN) || !consumption.group(2).equals(SERIAL)) {
                    send(exchange, 404, "{\"detail\":\"Not found.\"}");
                    return;
                }
                send(exchange, 200, consumption(path, query));
            } else if (unitRates.matches()) {
                if (!unitRates.group(1).equals(PRODUCT) || !unitRates.group(2).equals(TARIFF)) {
                    send(exchange, 404, "{\"detail\":\"Not found.\"}");
                    return;
                }
                send(exchange, 200, rates(path, query));
            } else if (meterPoint.matches() && meterPoint.group(1).equals(MPAN)) {
                send(exchange, 200, recordedText("octopus-electricity-meter-point.json"));
            } else {
                send(exchange, 404, "{\"detail\":\"Not found.\"}");
            }
        }
    }

    private String consumption(String path, Map<String, String> query) throws IOException {
        Map<String, String> withoutPage = new TreeMap<>(query);
        String page = withoutPage.remove("page");
        if (recordedVerbatim && withoutPage.equals(RECORDED_QUERY)) {
            String text = recordedText(page == null ? "octopus-consumption-page1.json" : "octopus-consumption-page2.json");
            return recordedLinksRewritten ? text.replace(RECORDED_HOST, base().toString()) : text;
        }
        Instant from = Instant.parse(query.get("period_from"));
        Instant to = query.containsKey("period_to") ? Instant.parse(query.get("period_to")) : Instant.MAX;
        List<Map.Entry<Instant, Double>> rows = new ArrayList<>(readings.subMap(from, true, to, false).entrySet());
        if (!"period".equals(query.get("order_by"))) {
            Collections.reverse(rows);
        }
        return paginate(path, query, rows.size(), (index, results) -> {
            Map.Entry<Instant, Double> row = rows.get(index);
            ObjectNode node = results.addObject();
            node.put("consumption", row.getValue());
            node.put("interval_start", local(row.getKey()));
            node.put("interval_end", local(row.getKey().plusSeconds(1800)));
        });
    }

    private String rates(String path, Map<String, String> query) throws IOException {
        Instant from = Instant.parse(normalise(query.get("period_from")));
        Instant to = Instant.parse(normalise(query.get("period_to")));
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode rate : rates.descendingMap().values()) {
            Instant validFrom = Instant.parse(rate.path("valid_from").asText());
            Instant validTo = Instant.parse(rate.path("valid_to").asText());
            if (validFrom.isBefore(to) && validTo.isAfter(from)) {
                rows.add(rate);
            }
        }
        return paginate(path, query, rows.size(), (index, results) -> results.add(rows.get(index)));
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(int index, ArrayNode results);
    }

    private String paginate(String path, Map<String, String> query, int count, RowWriter writer) throws IOException {
        int pageSize = Integer.parseInt(query.getOrDefault("page_size", "100"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int first = (page - 1) * pageSize;
        if (repeatRowAcrossPages && page > 1) {
            first--;
        }
        int end = Math.min(count, page * pageSize);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("count", count);
        answer.put("next", end < count ? link(path, query, page + 1) : null);
        answer.put("previous", page > 1 ? link(path, query, page - 1) : null);
        ArrayNode results = answer.putArray("results");
        for (int i = Math.max(0, first); i < end; i++) {
            writer.write(i, results);
        }
        return JSON.writeValueAsString(answer);
    }

    /** DRF style: the original parameters plus {@code page} (none for page 1), keys sorted, values percent-encoded. */
    private String link(String path, Map<String, String> query, int page) {
        Map<String, String> parameters = new TreeMap<>(query);
        parameters.remove("page");
        if (page > 1) {
            parameters.put("page", Integer.toString(page));
        }
        StringBuilder url = new StringBuilder(base().toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** The Octopus API writes consumption in UK local time with its offset, GMT as {@code Z}. */
    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LONDON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Minute-precision times ({@code 2024-12-01T16:00Z}), as the recorded rate request has them. */
    private static String normalise(String time) {
        return time.length() == 17 ? time.replace("Z", ":00Z") : time;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(key, value);
        }
        return parameters;
    }

    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String presentedKey(Optional<String> authorization) {
        return authorization.filter(h -> h.startsWith("Basic "))
                .map(h -> new String(Base64.getDecoder().decode(h.substring(6)), StandardCharsets.UTF_8))
                .map(userAndPassword -> userAndPassword.replace(":", ""))
                .orElse("(none)");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
