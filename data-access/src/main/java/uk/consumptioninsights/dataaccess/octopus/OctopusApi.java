package uk.consumptioninsights.dataaccess.octopus;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.sharing.http.Sleeper;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.tariff.UnitRate;
import uk.consumptioninsights.model.work.Progress;

/**
 * The Octopus Energy API endpoints the workbench reads: a meter's half-hourly consumption, a tariff's standard unit
 * rates and a meter point's GSP group. Pages are followed through the {@code next} links exactly as the API gives
 * them (Django REST Framework style), each checked to stay on the API's own address first.
 */
public final class OctopusApi {

    private static final long HALF_HOUR_SECONDS = 1800;
    /** A year at the smallest sensible page size; a server whose links never end must not keep the pull alive. */
    private static final int MAX_PAGES = 20_000;

    private final OctopusTransport transport;
    private final OctopusSettings settings;

    public OctopusApi(OctopusSettings settings, ProviderSecret apiKey) {
        this(settings, apiKey, Sleeper.SYSTEM, Clock.systemUTC());
    }

    /** @param sleeper waits between retries (tests pass one that does not wait) */
    public OctopusApi(OctopusSettings settings, ProviderSecret apiKey, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.transport = new OctopusTransport(settings, apiKey, sleeper, clock);
    }

    /**
     * The meter's half-hours starting in {@code [from, to)} ({@code to} absent: up to the latest the API holds), in
     * time order, each once: a half-hour the API lists twice (pages shifting while they are read) is kept once, the
     * later listing winning. Local-time stamps ({@code +01:00} in BST, {@code Z} in GMT) are read with their offset,
     * so the repeated clock-change hour gives two distinct half-hours.
     */
    public List<ConsumptionInterval> consumption(OctopusMeter meter, Instant from, Optional<Instant> to,
                                                 Progress progress) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("order_by", "period");
        query.put("page_size", Integer.toString(settings.consumptionPageSize()));
        query.put("period_from", from.toString());
        to.ifPresent(end -> query.put("period_to", end.toString()));
        URI first = transport.origin().resolve(List.of("v1", "electricity-meter-points", meter.mpan().core(), "meters",
                meter.serialNumber(), "consumption", ""), query);
        TreeMap<Instant, ConsumptionInterval> byStart = new TreeMap<>();
        String action = "fetch your meter's half-hourly readings";
        forEachPage(first, action, true, progress, row -> {
            ConsumptionInterval interval = interval(row, action);
            if (!interval.start().isBefore(from) && to.map(interval.start()::isBefore).orElse(true)) {
                byStart.put(interval.start(), interval);
            }
        });
        return List.copyOf(byStart.values());
    }

    /** The tariff's standard unit rates overlapping {@code [from, to)}, oldest first (the API lists newest first). */
    public List<UnitRate> standardUnitRates(TariffCode tariff, Instant from, Instant to, Progress progress) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page_size", Integer.toString(settings.ratePageSize()));
        query.put("period_from", from.toString());
        query.put("period_to", to.toString());
        URI first = transport.origin().resolve(List.of("v1", "products", tariff.productCode(), "electricity-tariffs",
                tariff.code(), "standard-unit-rates", ""), query);
        TreeMap<Instant, UnitRate> byStart = new TreeMap<>();
        String action = "fetch the unit rates of tariff " + tariff.code();
        forEachPage(first, action, false, progress, row -> {
            UnitRate rate = rate(row, action);
            byStart.put(rate.validFrom(), rate);
        });
        return List.copyOf(byStart.values());
    }

    /** The meter point's GSP group, from the API (an IDNO's MPAN does not tell its region). */
    public GspGroup gspGroup(Mpan mpan, Progress progress) {
        String action = "look up your meter point's region";
        JsonNode answer = transport.get(transport.origin().resolve(List.of("v1", "electricity-meter-points",
                mpan.core(), ""), Map.of()), action, false, progress);
        try {
            return GspGroup.fromCode(answer.path("gsp").asText(null));
        } catch (IllegalArgumentException unknown) {
            throw malformed(action, "an unknown GSP group '" + answer.path("gsp").asText("") + "'", unknown);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(JsonNode row);
    }

    private void forEachPage(URI first, String action, boolean authenticate, Progress progress, RowReader reader) {
        Set<String> seen = new HashSet<>();
        URI page = first;
        long rows = 0;
        for (int number = 1; page != null; number++) {
            progress.checkCancelled();
            if (number > MAX_PAGES || !seen.add(page.toString())) {
                throw malformed(action, "pages that never end", null);
            }
            JsonNode answer = transport.get(page, action, authenticate, progress);
            JsonNode results = answer.path("results");
            if (!results.isArray()) {
                throw malformed(action, "a page without its 'results' list", null);
            }
            for (JsonNode row : results) {
                reader.read(row);
                rows++;
            }
            long count = answer.path("count").asLong(rows);
            progress.report(count == 0 ? 1 : Math.min(1.0, (double) rows / count),
                    "Fetched " + rows + " of " + count + " rows");
            JsonNode next = answer.path("next");
            page = next.isTextual() && !next.asText().isBlank() ? link(next.asText(), action) : null;
        }
    }

    private URI link(String next, String action) {
        try {
            return URI.create(next);
        } catch (IllegalArgumentException bad) {
            throw malformed(action, "a link to the next page that is not a URL", bad);
        }
    }

    private static ConsumptionInterval interval(JsonNode row, String action) {
        JsonNode kwh = row.path("consumption");
        if (!kwh.isNumber()) {
            throw malformed(action, "a reading without a number of kWh", null);
        }
        Instant start = instant(row, "interval_start", action);
        Instant end = instant(row, "interval_end", action);
        if (!Duration.between(start, end).equals(Duration.ofMinutes(30)) || start.getEpochSecond() % HALF_HOUR_SECONDS != 0) {
            throw malformed(action, "a reading that is not a settlement half-hour (" + row.path("interval_start").asText()
                    + " to " + row.path("interval_end").asText() + ")", null);
        }
        return new ConsumptionInterval(start, end, kwh.asDouble());
    }

    private static UnitRate rate(JsonNode row, String action) {
        JsonNode exc = row.path("value_exc_vat");
        JsonNode inc = row.path("value_inc_vat");
        if (!exc.isNumber() || !inc.isNumber()) {
            throw malformed(action, "a unit rate without its value", null);
        }
        Instant from = instant(row, "valid_from", action);
        Optional<Instant> to = row.path("valid_to").isNull() || row.path("valid_to").isMissingNode()
                ? Optional.empty() : Optional.of(instant(row, "valid_to", action));
        try {
            return new UnitRate(from, to, exc.asDouble(), inc.asDouble());
        } catch (IllegalArgumentException bad) {
            throw malformed(action, "a unit rate that ends before it starts", bad);
        }
    }

    /** Any RFC 3339 offset: consumption is local time ({@code +01:00}, {@code Z}), rates are UTC. */
    private static Instant instant(JsonNode row, String field, String action) {
        String text = row.path(field).asText(null);
        if (text == null) {
            throw malformed(action, "a row without " + field, null);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException bad) {
            throw malformed(action, "a time without its offset ('" + text + "' in " + field + ")", bad);
        }
    }

    private static OctopusException malformed(String action, String what, Throwable cause) {
        return new OctopusException(OctopusException.Kind.PROTOCOL, "The Octopus Energy API answered with " + what
                + " when asked to " + action + ", so nothing from this refresh was stored. Check the API address in "
                + "the settings; if it is right, try again later.", cause);
    }
}
