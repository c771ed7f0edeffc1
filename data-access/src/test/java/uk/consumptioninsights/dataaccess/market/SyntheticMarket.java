package uk.consumptioninsights.dataaccess.market;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.consumptioninsights.dataaccess.market.MarketFixtureServer.Answer;
import uk.consumptioninsights.dataaccess.market.MarketFixtureServer.Request;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * Answers in the shapes of the recorded payloads for any date range, so a test (or the benchmark) can ask for a
 * clock-change day the recordings lack, a 50-period system-price day or a year. Values are deterministic functions of
 * the period: interconnectors export (negative MW) in the small hours, and demand's last period of a day is null.
 */
final class SyntheticMarket {

    static final List<String> FUELS = List.of("BIOMASS", "CCGT", "COAL", "NPSHYD", "NUCLEAR", "OCGT", "OIL", "OTHER",
            "PS", "WIND", "INTFR", "INTIFA2", "INTELEC", "INTNED", "INTNEM", "INTNSL", "INTVKL", "INTIRL", "INTEW",
            "INTGRNL");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Pattern SQL_RANGE = Pattern.compile(">= '([^']+)' AND \"DATETIME\" < '([^']+)'");
    private static final Pattern SQL_OFFSET = Pattern.compile("OFFSET (\\d+)");

    private SyntheticMarket() {
    }

    static Answer answer(Request r) {
        String path = r.path();
        if (path.startsWith("/bmrs/api/v1/datasets/FUELHH")) {
            return Answer.json(fuelhh(LocalDate.parse(r.param("settlementDateFrom")),
                    LocalDate.parse(r.param("settlementDateTo"))));
        }
        if (path.startsWith("/bmrs/api/v1/balancing/settlement/system-prices/")) {
            return Answer.json(systemPrices(LocalDate.parse(path.substring(path.lastIndexOf('/') + 1))));
        }
        if (path.startsWith("/bmrs/api/v1/demand/outturn")) {
            return Answer.json(demand(LocalDate.parse(r.param("settlementDateFrom")),
                    LocalDate.parse(r.param("settlementDateTo"))));
        }
        if (path.startsWith("/ci/intensity/") || path.startsWith("/ci/generation/")) {
            String[] parts = path.split("/");
            Instant from = Instant.parse(parts[3].replace("Z", ":00Z"));
            Instant to = Instant.parse(parts[4].replace("Z", ":00Z"));
            return Answer.json(path.startsWith("/ci/intensity/") ? intensity(from, to) : generation(from, to));
        }
        if (path.startsWith("/api/3/action/datastore_search_sql")) {
            String sql = r.param("sql");
            Matcher range = SQL_RANGE.matcher(sql);
            Matcher offset = SQL_OFFSET.matcher(sql);
            if (!range.find()) {
                return Answer.status(409, "{\"success\":false,\"error\":{\"message\":\"bad sql\"}}");
            }
            boolean firstPage = !offset.find() || Integer.parseInt(offset.group(1)) == 0;
            return Answer.json(firstPage ? neso(utc(range.group(1)), utc(range.group(2))) : neso(null, null));
        }
        return Answer.status(404, "{\"title\":\"Not Found\",\"status\":404}");
    }

    static String fuelhh(LocalDate from, LocalDate to) {
        StringBuilder json = new StringBuilder(600_000).append("{\"data\":[");
        boolean first = true;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (SettlementPeriod p : SettlementCalendar.periodsOf(day)) {
                for (int f = 0; f < FUELS.size(); f++) {
                    json.append(first ? "" : ",");
                    first = false;
                    json.append(String.format(Locale.ROOT, "{\"dataset\":\"FUELHH\",\"publishTime\":\"%s\","
                            + "\"startTime\":\"%s\",\"settlementDate\":\"%s\",\"settlementPeriod\":%d,"
                            + "\"fuelType\":\"%s\",\"generation\":%d}", p.end(), p.start(), day, p.period(),
                            FUELS.get(f), generation(p, f)));
                }
            }
        }
        return json.append("]}").toString();
    }

    /** Interconnectors (index 10 on) export in the first eight periods of a day. */
    static long generation(SettlementPeriod p, int fuel) {
        if (fuel >= 10) {
            return p.period() <= 8 ? -(200L + fuel * 10) : 300L + fuel * 10;
        }
        return 1000L + fuel * 100 + p.period() * 7L;
    }

    static String systemPrices(LocalDate day) {
        StringBuilder json = new StringBuilder("{\"metadata\":{\"datasets\":[\"DISEBSP\"]},\"data\":[");
        for (SettlementPeriod p : SettlementCalendar.periodsOf(day)) {
            double price = price(p);
            json.append(p.period() == 1 ? "" : ",").append(String.format(Locale.ROOT, "{\"settlementDate\":\"%s\","
                    + "\"settlementPeriod\":%d,\"startTime\":\"%s\",\"createdDateTime\":\"%s\",\"systemSellPrice\":%s,"
                    + "\"systemBuyPrice\":%s,\"bsadDefaulted\":false,\"priceDerivationCode\":\"N\","
                    + "\"netImbalanceVolume\":-12.5,\"replacementPrice\":null}", day, p.period(), p.start(),
                    p.start().plus(Duration.ofDays(1)), price, price));
        }
        return json.append("]}").toString();
    }

    static double price(SettlementPeriod p) {
        return 40 + p.period() * 1.25 + (p.settlementDate().getDayOfMonth() % 5);
    }

    static String demand(LocalDate from, LocalDate to) {
        StringBuilder json = new StringBuilder("{\"metadata\":{\"datasets\":[\"INDO\",\"ITSDO\"]},\"data\":[");
        boolean first = true;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int last = SettlementCalendar.periodsIn(day);
            for (SettlementPeriod p : SettlementCalendar.periodsOf(day)) {
                boolean unknown = p.period() == last;
                json.append(first ? "" : ",");
                first = false;
                json.append(String.format(Locale.ROOT, "{\"publishTime\":\"%s\",\"startTime\":\"%s\","
                        + "\"settlementDate\":\"%s\",\"settlementPeriod\":%d,\"initialDemandOutturn\":%s,"
                        + "\"initialTransmissionSystemDemandOutturn\":%s}", p.end(), p.start(), day, p.period(),
                        unknown ? "null" : Integer.toString(30000 + p.period() * 10),
                        unknown ? "null" : Integer.toString(32000 + p.period() * 10)));
            }
        }
        return json.append("]}").toString();
    }

    /** Starts with the half hour ending at {@code from}, as the real API does. */
    static String intensity(Instant from, Instant to) {
        StringBuilder json = new StringBuilder("{\"data\":[");
        boolean first = true;
        for (Instant t = from.minusSeconds(1800); t.isBefore(to); t = t.plusSeconds(1800)) {
            json.append(first ? "" : ",");
            first = false;
            json.append(String.format(Locale.ROOT, "{\"from\":\"%s\",\"to\":\"%s\",\"intensity\":{\"forecast\":%d,"
                    + "\"actual\":%d,\"index\":\"low\"}}", MINUTES.format(t), MINUTES.format(t.plusSeconds(1800)),
                    intensityAt(t) + 2, intensityAt(t)));
        }
        return json.append("]}").toString();
    }

    static int intensityAt(Instant t) {
        return 100 + (int) ((t.getEpochSecond() / 1800) % 50);
    }

    static String generation(Instant from, Instant to) {
        StringBuilder json = new StringBuilder("{\"data\":[");
        boolean first = true;
        for (Instant t = from.minusSeconds(1800); t.isBefore(to); t = t.plusSeconds(1800)) {
            json.append(first ? "" : ",");
            first = false;
            json.append(String.format(Locale.ROOT, "{\"from\":\"%s\",\"to\":\"%s\",\"generationmix\":["
                    + "{\"fuel\":\"gas\",\"perc\":30.5},{\"fuel\":\"wind\",\"perc\":40},{\"fuel\":\"nuclear\","
                    + "\"perc\":29.5}]}", MINUTES.format(t), MINUTES.format(t.plusSeconds(1800))));
        }
        return json.append("]}").toString();
    }

    /** datastore_search_sql's shape; numbers as text, as a CKAN resource loaded as text sends them. */
    static String neso(Instant from, Instant to) {
        StringBuilder json = new StringBuilder("{\"help\":\"h\",\"success\":true,\"result\":{\"records\":[");
        if (from != null) {
            boolean first = true;
            for (Instant t = from; t.isBefore(to); t = t.plusSeconds(1800)) {
                json.append(first ? "" : ",");
                first = false;
                json.append(String.format(Locale.ROOT, "{\"_id\":%d,\"DATETIME\":\"%s\",\"GAS\":\"3742.0\","
                        + "\"WIND\":5140,\"ZERO_CARBON_perc\":61.4,\"CARBON_INTENSITY\":%d}", t.getEpochSecond(),
                        NAIVE.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)), intensityAt(t) - 10));
            }
        }
        return json.append("],\"fields\":[],\"sql\":\"SELECT\"}}").toString();
    }

    private static Instant utc(String naive) {
        return LocalDateTime.parse(naive).toInstant(ZoneOffset.UTC);
    }
}
