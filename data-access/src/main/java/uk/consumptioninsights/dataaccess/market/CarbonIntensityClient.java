package uk.consumptioninsights.dataaccess.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

/**
 * The Carbon Intensity API: national intensity and generation mix per half hour, asked for by UTC range in pieces of
 * at most 14 days. A range answer starts with the half hour ending at {@code from}, so rows outside the asked range
 * are dropped and repeats of a period keep the last one sent.
 */
public final class CarbonIntensityClient {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private final MarketHttp http;

    public CarbonIntensityClient(MarketSettings settings) {
        this(new MarketHttp(settings));
    }

    CarbonIntensityClient(MarketHttp http) {
        this.http = http;
    }

    public List<CarbonIntensity> intensity(DayRange days, Progress progress) {
        Map<SettlementPeriod, CarbonIntensity> byPeriod = new LinkedHashMap<>();
        for (DayRange chunk : days.chunks(MarketDataset.CARBON_INTENSITY.maxDaysPerRequest())) {
            String action = "fetch the carbon intensity for " + ElexonClient.describe(chunk);
            for (JsonNode row : rows(http.get(MarketSource.CARBON_INTENSITY, "/intensity/" + range(chunk), action,
                    progress), action)) {
                SettlementPeriod period = periodWithin(row, chunk);
                if (period == null) {
                    continue;
                }
                JsonNode value = row.path("intensity");
                byPeriod.put(period, new CarbonIntensity(period, MarketJson.integer(value.get("forecast")),
                        MarketJson.integer(value.get("actual")), MarketJson.text(value.get("index"))));
            }
        }
        return new ArrayList<>(byPeriod.values());
    }

    /** Each fuel's percentage of generation per period ({@code gas}, {@code wind}, ...). */
    public List<PeriodMeasure> generationMix(DayRange days, Progress progress) {
        Map<String, PeriodMeasure> byKey = new LinkedHashMap<>();
        for (DayRange chunk : days.chunks(MarketDataset.CARBON_GENERATION_MIX.maxDaysPerRequest())) {
            String action = "fetch the generation mix for " + ElexonClient.describe(chunk);
            for (JsonNode row : rows(http.get(MarketSource.CARBON_INTENSITY, "/generation/" + range(chunk), action,
                    progress), action)) {
                SettlementPeriod period = periodWithin(row, chunk);
                if (period != null) {
                    mix(row, period).forEach(m -> byKey.put(m.period() + "|" + m.measure(), m));
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The latest complete half hour's mix; the API answers this one with {@code data} as an object. */
    public List<PeriodMeasure> currentGenerationMix(Progress progress) {
        String action = "fetch the current generation mix";
        List<PeriodMeasure> measures = new ArrayList<>();
        for (JsonNode row : rows(http.get(MarketSource.CARBON_INTENSITY, "/generation", action, progress), action)) {
            Instant from = MarketJson.instant(row.get("from"));
            if (from != null) {
                measures.addAll(mix(row, SettlementCalendar.periodOf(from)));
            }
        }
        return measures;
    }

    private static List<PeriodMeasure> mix(JsonNode row, SettlementPeriod period) {
        List<PeriodMeasure> measures = new ArrayList<>();
        for (JsonNode fuel : row.path("generationmix")) {
            String name = MarketJson.text(fuel.get("fuel"));
            Double percent = MarketJson.number(fuel.get("perc"));
            if (name != null && percent != null) {
                measures.add(new PeriodMeasure(period, name, percent));
            }
        }
        return measures;
    }

    private static SettlementPeriod periodWithin(JsonNode row, DayRange chunk) {
        Instant from = MarketJson.instant(row.get("from"));
        if (from == null || from.isBefore(chunk.start()) || !from.isBefore(chunk.end())) {
            return null;
        }
        return SettlementCalendar.periodOf(from);
    }

    private static String range(DayRange chunk) {
        return MINUTES.format(chunk.start()) + "/" + MINUTES.format(chunk.end());
    }

    private static List<JsonNode> rows(JsonNode root, String action) {
        try {
            return MarketJson.rows(root);
        } catch (IllegalArgumentException e) {
            throw new MarketDataException("The Carbon Intensity API answered in an unexpected shape when asked to "
                    + action + " (" + e.getMessage() + "). The API may have changed; tell the workbench's support.",
                    false, e);
        }
    }
}
