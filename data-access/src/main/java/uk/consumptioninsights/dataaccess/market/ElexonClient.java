package uk.consumptioninsights.dataaccess.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

/**
 * The Elexon Insights API (BMRS): FUELHH generation by fuel type, DISEBSP system prices and INDO/ITSDO demand
 * outturn, by settlement day. Requests are chunked (7 days; system prices a day at a time), always ask for
 * {@code format=json}, and each answer's repeats are resolved: the latest publish (or creation) time of a period wins.
 */
public final class ElexonClient {

    private static final Logger LOG = LoggerFactory.getLogger(ElexonClient.class);

    private final MarketHttp http;

    public ElexonClient(MarketSettings settings) {
        this(new MarketHttp(settings));
    }

    ElexonClient(MarketHttp http) {
        this.http = http;
    }

    public List<FuelGeneration> fuelGeneration(DayRange days, Progress progress) {
        Map<String, FuelGeneration> latest = new LinkedHashMap<>();
        for (DayRange chunk : days.chunks(MarketDataset.FUELHH.maxDaysPerRequest())) {
            String action = "fetch the generation by fuel type (FUELHH) for " + describe(chunk);
            for (JsonNode row : rows(http.get(MarketSource.ELEXON, "/datasets/FUELHH?" + dates(chunk)
                    + "&format=json", action, progress), action)) {
                ElexonPeriods.Resolved at = resolved(row);
                String fuel = MarketJson.text(row.get("fuelType"));
                Double mw = MarketJson.number(row.get("generation"));
                if (at == null || fuel == null || mw == null) {
                    continue;
                }
                FuelGeneration value = new FuelGeneration(at.period(), fuel, mw,
                        MarketJson.instant(row.get("publishTime")));
                latest.merge(at.period() + "|" + fuel, value,
                        (held, next) -> later(held.publishTime(), next.publishTime()) ? next : held);
            }
        }
        return sorted(new ArrayList<>(latest.values()),
                Comparator.comparing(FuelGeneration::period).thenComparing(FuelGeneration::fuelType));
    }

    public List<SystemPrice> systemPrices(DayRange days, Progress progress) {
        Map<SettlementPeriod, SystemPrice> latest = new LinkedHashMap<>();
        for (LocalDate day : days.dates()) {
            String action = "fetch the system prices for " + day;
            for (JsonNode row : rows(http.get(MarketSource.ELEXON, "/balancing/settlement/system-prices/" + day
                    + "?format=json", action, progress), action)) {
                ElexonPeriods.Resolved at = resolved(row);
                if (at == null) {
                    continue;
                }
                SystemPrice value = new SystemPrice(at.period(), MarketJson.number(row.get("systemSellPrice")),
                        MarketJson.number(row.get("systemBuyPrice")), MarketJson.number(row.get("netImbalanceVolume")),
                        MarketJson.text(row.get("priceDerivationCode")), MarketJson.instant(row.get("createdDateTime")));
                latest.merge(at.period(), value,
                        (held, next) -> later(held.createdTime(), next.createdTime()) ? next : held);
            }
        }
        return sorted(new ArrayList<>(latest.values()), Comparator.comparing(SystemPrice::period));
    }

    public List<DemandOutturn> demandOutturn(DayRange days, Progress progress) {
        Map<SettlementPeriod, DemandOutturn> latest = new LinkedHashMap<>();
        for (DayRange chunk : days.chunks(MarketDataset.DEMAND_OUTTURN.maxDaysPerRequest())) {
            String action = "fetch the demand outturn for " + describe(chunk);
            for (JsonNode row : rows(http.get(MarketSource.ELEXON, "/demand/outturn?" + dates(chunk)
                    + "&format=json", action, progress), action)) {
                ElexonPeriods.Resolved at = resolved(row);
                if (at == null) {
                    continue;
                }
                DemandOutturn value = new DemandOutturn(at.period(), MarketJson.number(row.get("initialDemandOutturn")),
                        MarketJson.number(row.get("initialTransmissionSystemDemandOutturn")),
                        MarketJson.instant(row.get("publishTime")));
                latest.merge(at.period(), value,
                        (held, next) -> later(held.publishTime(), next.publishTime()) ? next : held);
            }
        }
        return sorted(new ArrayList<>(latest.values()), Comparator.comparing(DemandOutturn::period));
    }

    private static ElexonPeriods.Resolved resolved(JsonNode row) {
        ElexonPeriods.Resolved at = ElexonPeriods.resolve(row);
        if (at != null && at.disagreed()) {
            LOG.warn("Elexon row for {} {} starts in {}; stored under the period its startTime falls in",
                    MarketJson.text(row.get("settlementDate")), MarketJson.text(row.get("settlementPeriod")),
                    at.period());
        }
        return at;
    }

    static List<JsonNode> rows(JsonNode root, String action) {
        try {
            return MarketJson.rows(root);
        } catch (IllegalArgumentException e) {
            throw new MarketDataException("The Elexon Insights API answered in an unexpected shape when asked to "
                    + action + " (" + e.getMessage() + "). The API may have changed; tell the workbench's support.",
                    false, e);
        }
    }

    /** A null publish time never beats a known one; equal times let the later row win (it was sent last). */
    static boolean later(Instant held, Instant next) {
        if (next == null) {
            return held == null;
        }
        return held == null || !next.isBefore(held);
    }

    private static String dates(DayRange chunk) {
        return "settlementDateFrom=" + chunk.from() + "&settlementDateTo=" + chunk.to();
    }

    static String describe(DayRange chunk) {
        return chunk.days() == 1 ? chunk.from().toString() : chunk.from() + " to " + chunk.to();
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        list.sort(order);
        return list;
    }
}
