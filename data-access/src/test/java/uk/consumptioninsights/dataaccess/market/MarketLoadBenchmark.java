package uk.consumptioninsights.dataaccess.market;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.work.Progress;

/**
 * Time to load a year of FUELHH and system prices from the loopback fixture server into a fresh workspace (the
 * requests, parsing and storing a refresh does), then to read the year back the way the Market tab does, and the
 * time of a second refresh that finds nothing to fetch. Prints one line per measure.
 */
public final class MarketLoadBenchmark {

    private MarketLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int year = args.length > 0 ? Integer.parseInt(args[0]) : 2023;
        DayRange days = new DayRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Clock now = Clock.fixed(Instant.parse((year + 1) + "-02-01T12:00:00Z"), ZoneOffset.UTC);
        Path dir = Files.createTempDirectory("market-bench");
        try (MarketFixtureServer server = new MarketFixtureServer();
             LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("bench.duckdb"))) {
            MarketRefresh refresh = new MarketRefresh(workspace, server.settings(), now);
            long t0 = System.nanoTime();
            RefreshReport fuel = refresh.refresh(days, Set.of(MarketDataset.FUELHH), Progress.NONE);
            long t1 = System.nanoTime();
            RefreshReport prices = refresh.refresh(days, Set.of(MarketDataset.SYSTEM_PRICES), Progress.NONE);
            long t2 = System.nanoTime();
            RefreshReport again = refresh.refresh(days, Set.of(MarketDataset.FUELHH, MarketDataset.SYSTEM_PRICES),
                    Progress.NONE);
            long t3 = System.nanoTime();
            MarketQueries queries = new MarketQueries(workspace);
            int mixPeriods = queries.fuelMix(days).size();
            long t4 = System.nanoTime();
            int pricePeriods = queries.systemPrices(days).size();
            long t5 = System.nanoTime();
            if (!fuel.succeeded() || !prices.succeeded() || again.daysFetched() != 0) {
                throw new IllegalStateException("Benchmark refresh failed: " + fuel.problems() + prices.problems());
            }
            print("FUELHH year load (" + server.count("/datasets/FUELHH") + " requests, "
                    + fuel.outcomes().get(0).rowsReceived() + " rows)", t1 - t0);
            print("System prices year load (" + server.count("/system-prices/") + " requests, "
                    + prices.outcomes().get(0).rowsReceived() + " rows)", t2 - t1);
            print("Second refresh, nothing to fetch", t3 - t2);
            print("Read fuel mix for the Market tab (" + mixPeriods + " periods, MW and %)", t4 - t3);
            print("Read system prices for the Market tab (" + pricePeriods + " periods)", t5 - t4);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(String what, long nanos) {
        System.out.println(String.format(Locale.ROOT, "%-75s %8.0f ms", what, nanos / 1e6));
    }
}
