package uk.consumptioninsights.dataaccess.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import uk.consumptioninsights.dataaccess.generate.BuildReport;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.RescoringParts;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (not a test), issue 12: a workspace of N meters (built once into {@code target/fleet-scale/}
 * and reused), then each tab's questions asked through the same source the app asks them through, per purpose role:
 * the first answer after opening and the median of five. Prints build time, readings/s, bytes per reading on disk
 * and peak heap. {@code mvn -q -o -DskipTests install && mvn -q -o -pl data-access exec:exec@fleet-scale-benchmark
 * -Dfleet.args="20000 rescore"} (heap {@code -Dfleet.heap=4g}; {@code rebuild} builds afresh, {@code rescore} also
 * rescores the workspace as Rescore locally does).
 */
public final class FleetScaleBenchmark {

    /** The points the Consumption chart asks for on a typical screen (ConsumptionViewModel's default). */
    private static final int CHART_POINTS = 1600;
    private static final int ROUNDS = 5;

    private FleetScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meters = args.length > 0 ? Integer.parseInt(args[0]) : FleetSettings.DEFAULT_METERS;
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        boolean rebuild = options.contains("rebuild");
        boolean rescore = options.contains("rescore") || options.contains("rescore-whole");
        // rescore-whole reads everything at once whatever the heap: to measure what a reading costs in the heap.
        long heapForPlan = options.contains("rescore-whole") ? Long.MAX_VALUE / 256 : Runtime.getRuntime().maxMemory();
        Path file = Path.of("target", "fleet-scale", meters + "-meters.duckdb").toAbsolutePath();
        Files.createDirectories(file.getParent());
        if (rebuild) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        }
        boolean build = !Files.exists(file);
        System.out.printf(Locale.UK, "Fleet scale benchmark: %,d meters, %d cores, max heap %,d MB, JDK %s%n", meters,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            if (build) {
                LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
                FleetSettings settings = FleetSettings.defaults(yesterday).withMeterCount(meters);
                BuildReport report = new SyntheticWorkspaceBuilder(settings, InjectionRates.defaults())
                        .build(workspace, Progress.NONE);
                double seconds = report.total().toNanos() / 1e9;
                System.out.printf(Locale.UK, "build: %.1f s (generate+bronze %.1f s, pipeline %.1f s); %,d readings = %,.0f readings/s%n",
                        seconds, report.generation().toNanos() / 1e9, report.pipeline().elapsed().toNanos() / 1e9,
                        report.readings(), report.readings() / seconds);
            }
            long readings;
            try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM silver.hh_readings")) {
                    rs.next();
                    readings = rs.getLong(1);
                }
            }
            long bytes = Files.size(file);
            System.out.printf(Locale.UK, "on disk: %,.1f MB for %,d readings = %.1f bytes per reading%n", bytes / 1e6, readings,
                    (double) bytes / Math.max(1, readings));
            tabs(workspace);
            if (rescore) {
                Optional<RescoringParts> parts = RescoringParts.plan(workspace, heapForPlan);
                WorkspaceRescorer.RescoreSummary summary = new WorkspaceRescorer(workspace).rescore(Progress.NONE, heapForPlan);
                System.out.printf(Locale.UK, "rescoring: %.1f s for %,d readings, %s; %,d detections%n",
                        summary.elapsed().toMillis() / 1000.0, summary.readings(),
                        parts.map(p -> p.parts().size() + " parts of whole GSP groups").orElse("all at once"),
                        summary.detections());
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.UK, "peak heap (sum of pools' peaks): %,d MB%n", peak >> 20);
    }

    private static void tabs(LocalWorkspace workspace) throws Exception {
        long opened = System.nanoTime();
        ConsumptionSource source = new WorkspaceConsumptionSource(workspace);
        System.out.printf(Locale.UK, "source opened (descriptor) in %.0f ms%n", (System.nanoTime() - opened) / 1e6);
        for (PurposeRole role : List.of(PurposeRole.SETTLEMENT, PurposeRole.MARKET_MONITORING, PurposeRole.RESEARCH)) {
            DateRange range = source.availableRange(role);
            if (range == null) {
                System.out.println(role.displayName() + ": no data");
                continue;
            }
            DateRange lastWeek = new DateRange(range.to().minusDays(6), range.to());
            Map<String, Callable<Object>> questions = new LinkedHashMap<>();
            questions.put("dates", () -> source.availableRange(role));
            questions.put("Overview", () -> source.overview(role, range));
            questions.put("Consumption, all meters", () -> {
                source.gspGroups(role);
                if (!role.aggregatesOnly()) {
                    source.findMeters(role, MeterSearch.all(), MeterSearch.PAGE);
                }
                return chart(source, role, new SeriesScope.AllMeters(), range);
            });
            questions.put("Consumption, one GSP group", () -> chart(source, role,
                    new SeriesScope.OneGspGroup(source.gspGroups(role).get(0)), range));
            if (!role.aggregatesOnly()) {
                MeterChoice meter = source.findMeters(role, MeterSearch.all(), 1).get(0);
                questions.put("meter picker: find by prefix", () -> source.findMeters(role,
                        new MeterSearch(meter.key().substring(0, 6)), MeterSearch.PAGE));
                questions.put("Consumption, one meter", () -> chart(source, role,
                        new SeriesScope.OneMeter(meter.key(), meter.label()), range));
            }
            questions.put("zoom re-fetch (last 7 days, all meters)", () -> chart(source, role, new SeriesScope.AllMeters(), lastWeek));
            questions.put("Anomalies", () -> {
                source.anomalies(role, range);
                return chart(source, role, new SeriesScope.AllMeters(), range);
            });
            for (Map.Entry<String, Callable<Object>> question : questions.entrySet()) {
                List<Double> millis = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    long started = System.nanoTime();
                    question.getValue().call();
                    millis.add((System.nanoTime() - started) / 1e6);
                }
                double first = millis.get(0);
                List<Double> sorted = millis.stream().sorted().toList();
                System.out.printf(Locale.UK, "%-18s %-42s first %7.0f ms, median of %d %7.0f ms%n", role.displayName(),
                        question.getKey(), first, ROUNDS, sorted.get(ROUNDS / 2));
            }
        }
    }

    private static Object chart(ConsumptionSource source, PurposeRole role, SeriesScope scope, DateRange range) {
        return source.consumption(role, scope, range, SeriesResolution.forPoints(range, CHART_POINTS));
    }
}
