package uk.consumptioninsights.dataaccess.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.work.Progress;

/**
 * NESO's historic GB generation mix from the data portal's CKAN datastore: every published column of each half hour
 * (MW per fuel, the aggregates, the percentages and the carbon intensity), read as published, never recomputed.
 * Ranges go through {@code datastore_search_sql}; the latest rows through {@code datastore_search}, following its
 * {@code _links.next} pages. NESO asks for at most two datastore requests a minute, so requests are spaced.
 */
public final class NesoGenerationMixClient {

    public static final String RESOURCE_ID = "f93d1835-75bc-43e5-84ad-12472b180a98";
    /** Rows asked for per SQL page: well under CKAN's default cap of 32,000. */
    static final int SQL_PAGE = 10_000;
    private static final Set<String> NOT_MEASURES = Set.of("_id", "_full_text", "DATETIME");
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String COLUMNS = String.join(",", List.of("\"_id\"", "\"DATETIME\"", "\"GAS\"", "\"COAL\"",
            "\"NUCLEAR\"", "\"WIND\"", "\"WIND_EMB\"", "\"HYDRO\"", "\"IMPORTS\"", "\"BIOMASS\"", "\"OTHER\"", "\"SOLAR\"",
            "\"STORAGE\"", "\"GENERATION\"", "\"CARBON_INTENSITY\"", "\"LOW_CARBON\"", "\"ZERO_CARBON\"",
            "\"RENEWABLE\"", "\"FOSSIL\"", "\"GAS_perc\"", "\"COAL_perc\"", "\"NUCLEAR_perc\"", "\"WIND_perc\"",
            "\"WIND_EMB_perc\"", "\"HYDRO_perc\"", "\"IMPORTS_perc\"", "\"BIOMASS_perc\"", "\"OTHER_perc\"",
            "\"SOLAR_perc\"", "\"STORAGE_perc\"", "\"GENERATION_perc\"", "\"LOW_CARBON_perc\"",
            "\"ZERO_CARBON_perc\"", "\"RENEWABLE_perc\"", "\"FOSSIL_perc\""));

    private final MarketHttp http;
    private boolean called;

    public NesoGenerationMixClient(MarketSettings settings) {
        this(new MarketHttp(settings));
    }

    NesoGenerationMixClient(MarketHttp http) {
        this.http = http;
    }

    public List<PeriodMeasure> generationMix(DayRange days, Progress progress) {
        Map<String, PeriodMeasure> byKey = new LinkedHashMap<>();
        for (DayRange chunk : days.chunks(MarketDataset.NESO_GENERATION_MIX.maxDaysPerRequest())) {
            for (int offset = 0; ; offset += SQL_PAGE) {
                String sql = "SELECT " + COLUMNS + " FROM \"" + RESOURCE_ID + "\" WHERE \"DATETIME\" >= '"
                        + naive(chunk.start()) + "' AND \"DATETIME\" < '" + naive(chunk.end())
                        + "' ORDER BY \"DATETIME\" LIMIT " + SQL_PAGE + " OFFSET " + offset;
                String action = "fetch the generation mix for " + ElexonClient.describe(chunk);
                JsonNode root = paced(() -> http.get(MarketSource.NESO, "/datastore_search_sql?sql="
                        + encode(sql), action, progress), progress);
                List<JsonNode> records = records(root, action);
                records.forEach(r -> measures(r).forEach(m -> byKey.put(m.period() + "|" + m.measure(), m)));
                if (records.size() < SQL_PAGE) {
                    break;
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The newest {@code count} half hours, newest first by NESO's sort, paged by {@code _links.next}. */
    public List<PeriodMeasure> latest(int count, Progress progress) {
        List<PeriodMeasure> measures = new ArrayList<>();
        String next = "/datastore_search?resource_id=" + RESOURCE_ID + "&sort=" + encode("DATETIME desc")
                + "&limit=" + Math.min(count, 100);
        int seen = 0;
        String basePath = http.settings().nesoBase().getPath();
        while (next != null && seen < count) {
            String page = next;
            String action = "fetch the latest generation mix";
            JsonNode root = paced(() -> http.get(MarketSource.NESO, page, action, progress), progress);
            List<JsonNode> records = records(root, action);
            for (JsonNode record : records) {
                if (seen++ < count) {
                    measures.addAll(measures(record));
                }
            }
            JsonNode result = root.path("result");
            long total = result.path("total").asLong(Long.MAX_VALUE);
            String link = MarketJson.text(result.path("_links").get("next"));
            next = records.isEmpty() || seen >= total || link == null ? null
                    : link.startsWith(basePath) ? link.substring(basePath.length()) : link;
        }
        return measures;
    }

    private List<PeriodMeasure> measures(JsonNode record) {
        Instant start = MarketJson.instant(record.get("DATETIME"));
        List<PeriodMeasure> measures = new ArrayList<>();
        if (start == null) {
            return measures;
        }
        var period = SettlementCalendar.periodOf(start);
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NOT_MEASURES.contains(field.getKey())) {
                continue;
            }
            Double value = MarketJson.number(field.getValue());
            if (value != null) {
                measures.add(new PeriodMeasure(period, field.getKey(), value));
            }
        }
        return measures;
    }

    private JsonNode paced(java.util.function.Supplier<JsonNode> call, Progress progress) {
        if (called && !http.settings().nesoPause().isZero()) {
            http.settings().sleeper().sleep(http.settings().nesoPause(), progress);
        }
        called = true;
        return call.get();
    }

    private static List<JsonNode> records(JsonNode root, String action) {
        if (root.has("success") && !root.path("success").asBoolean()) {
            throw new MarketDataException("The NESO data portal refused to " + action + " ("
                    + MarketJson.text(root.path("error").path("message")) + "). The dataset may have changed; tell "
                    + "the workbench's support.", false, null);
        }
        try {
            return MarketJson.rows(root);
        } catch (IllegalArgumentException e) {
            throw new MarketDataException("The NESO data portal answered in an unexpected shape when asked to "
                    + action + " (" + e.getMessage() + "). The API may have changed; tell the workbench's support.",
                    false, e);
        }
    }

    private static String naive(Instant instant) {
        return NAIVE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
