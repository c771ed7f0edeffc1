package uk.consumptioninsights.dataaccess.market;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.work.Progress;

/**
 * Brings the workspace's market data up to date for a range of settlement days, on request only: it fetches just the
 * days not yet complete (never future days), dataset by dataset, storing each batch as it arrives. A failure stops
 * that dataset with a one-line message and leaves everything stored intact; cancelling stops between requests.
 * Nothing here runs on its own: the UI's hourly timer and the CLI call {@link #refresh}.
 */
public final class MarketRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(MarketRefresh.class);

    private final MarketStore store;
    private final ElexonClient elexon;
    private final NesoGenerationMixClient neso;
    private final CarbonIntensityClient carbon;
    private final Clock clock;

    public MarketRefresh(LocalWorkspace workspace, MarketSettings settings, Clock clock) {
        MarketHttp http = new MarketHttp(settings);
        this.store = new MarketStore(workspace);
        this.elexon = new ElexonClient(http);
        this.neso = new NesoGenerationMixClient(http);
        this.carbon = new CarbonIntensityClient(http);
        this.clock = clock;
    }

    /** Every dataset the Market tab and the Consumption overlays draw on. */
    public static Set<MarketDataset> all() {
        return EnumSet.allOf(MarketDataset.class);
    }

    public RefreshReport refresh(DayRange days, Set<MarketDataset> datasets, Progress progress) throws SQLException {
        LocalDate today = SettlementCalendar.settlementDate(clock.instant());
        Map<MarketDataset, List<DayRange>> plan = new LinkedHashMap<>();
        int requests = 0;
        Set<MarketDataset> ordered = EnumSet.noneOf(MarketDataset.class);
        ordered.addAll(datasets);
        for (MarketDataset dataset : ordered) {
            List<DayRange> chunks = new ArrayList<>();
            if (!days.from().isAfter(today)) {
                DayRange past = new DayRange(days.from(), days.to().isAfter(today) ? today : days.to());
                for (DayRange run : runs(store.incompleteDays(dataset, past))) {
                    chunks.addAll(run.chunks(dataset.maxDaysPerRequest()));
                }
            }
            plan.put(dataset, chunks);
            requests += chunks.size();
        }
        List<DatasetOutcome> outcomes = new ArrayList<>();
        int done = 0;
        for (Map.Entry<MarketDataset, List<DayRange>> entry : plan.entrySet()) {
            MarketDataset dataset = entry.getKey();
            int fetchedDays = 0;
            long rows = 0;
            String problem = null;
            for (DayRange chunk : entry.getValue()) {
                progress.checkCancelled();
                progress.report(requests == 0 ? 1 : (double) done / requests,
                        "Fetching " + label(dataset) + " for " + ElexonClient.describe(chunk));
                try {
                    rows += fetchAndStore(dataset, chunk, progress);
                    fetchedDays += chunk.days();
                } catch (java.time.DateTimeException | NumberFormatException unreadable) {
                    problem = MarketHttp.capital(dataset.source()) + " sent a value the workbench cannot read ("
                            + unreadable.getMessage() + ") for " + ElexonClient.describe(chunk) + ". The API may have "
                            + "changed; the data already stored is unchanged.";
                    store.logFailure(dataset, chunk, clock.instant(), problem);
                    break;
                } catch (MarketDataException failure) {
                    LOG.warn("Market refresh of {} for {} failed: {}", dataset, chunk, failure.getMessage());
                    store.logFailure(dataset, chunk, clock.instant(), failure.getMessage());
                    problem = failure.getMessage();
                    break;
                }
                done++;
            }
            int stillIncomplete = days.from().isAfter(today) ? 0 : store.incompleteDays(dataset,
                    new DayRange(days.from(), days.to().isAfter(today) ? today : days.to())).size();
            outcomes.add(new DatasetOutcome(dataset, fetchedDays, rows, stillIncomplete, problem));
        }
        progress.report(1, "Market data up to date");
        return new RefreshReport(outcomes);
    }

    private long fetchAndStore(MarketDataset dataset, DayRange chunk, Progress progress) throws SQLException {
        var at = clock.instant();
        long rows;
        switch (dataset) {
            case FUELHH -> {
                var fetched = elexon.fuelGeneration(chunk, progress);
                store.saveFuelGeneration(fetched, chunk, at);
                rows = fetched.size();
            }
            case SYSTEM_PRICES -> {
                var fetched = elexon.systemPrices(chunk, progress);
                store.saveSystemPrices(fetched, chunk, at);
                rows = fetched.size();
            }
            case DEMAND_OUTTURN -> {
                var fetched = elexon.demandOutturn(chunk, progress);
                store.saveDemand(fetched, chunk, at);
                rows = fetched.size();
            }
            case CARBON_INTENSITY -> {
                var fetched = carbon.intensity(chunk, progress);
                store.saveIntensity(fetched, chunk, at);
                rows = fetched.size();
            }
            case CARBON_GENERATION_MIX -> {
                var fetched = carbon.generationMix(chunk, progress);
                store.saveMeasures(dataset, fetched, chunk, at);
                rows = fetched.size();
            }
            case NESO_GENERATION_MIX -> {
                var fetched = neso.generationMix(chunk, progress);
                store.saveMeasures(dataset, fetched, chunk, at);
                rows = fetched.size();
            }
            default -> throw new IllegalStateException("Unknown dataset " + dataset);
        }
        return rows;
    }

    /** Consecutive days grouped into ranges, so a request never spans days that are already complete. */
    static List<DayRange> runs(List<LocalDate> days) {
        List<DayRange> runs = new ArrayList<>();
        LocalDate start = null;
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous == null || !day.equals(previous.plusDays(1))) {
                if (start != null) {
                    runs.add(new DayRange(start, previous));
                }
                start = day;
            }
            previous = day;
        }
        if (start != null) {
            runs.add(new DayRange(start, previous));
        }
        return runs;
    }

    private static String label(MarketDataset dataset) {
        return switch (dataset) {
            case FUELHH -> "generation by fuel (Elexon)";
            case SYSTEM_PRICES -> "system prices (Elexon)";
            case DEMAND_OUTTURN -> "demand outturn (Elexon)";
            case CARBON_INTENSITY -> "carbon intensity";
            case CARBON_GENERATION_MIX -> "generation mix (Carbon Intensity API)";
            case NESO_GENERATION_MIX -> "generation mix (NESO)";
        };
    }
}
