package uk.consumptioninsights.dataaccess.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.generate.BuildReport;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (not a test): builds the default workspace from scratch a few times in a temporary folder and
 * prints generation time, rows per second and size on disk. Run with
 * {@code mvn -q -pl data-access -am test-compile exec:java -Dexec.classpathScope=test -Dexec.skip=false
 * -Dexec.mainClass=uk.consumptioninsights.dataaccess.bench.WorkspaceGenerationBenchmark [-Dexec.args="2000 3"]}.
 */
public final class WorkspaceGenerationBenchmark {

    private WorkspaceGenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meters = args.length > 0 ? Integer.parseInt(args[0]) : FleetSettings.DEFAULT_METERS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        FleetSettings settings = FleetSettings.defaults(yesterday).withMeterCount(meters);
        System.out.printf(Locale.UK, "Workspace generation benchmark: %d meters, %d days, %d cores, JDK %s%n",
                meters, settings.dayCount(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("ciw-bench");
            try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("bench.duckdb"))) {
                BuildReport report = new SyntheticWorkspaceBuilder(settings, InjectionRates.defaults())
                        .build(workspace, Progress.NONE);
                double seconds = report.total().toNanos() / 1e9;
                workspace.close();
                System.out.printf(Locale.UK,
                        "round %d: ready in %.2f s (generate+bronze %.2f s, pipeline %.2f s); %,d bronze deliveries; "
                                + "%,d gold readings = %,.0f readings/s; %,d late rejected, %,d superseded; %d labels; %.1f MB on disk%n",
                        round, seconds, report.generation().toNanos() / 1e9, report.pipeline().elapsed().toNanos() / 1e9,
                        report.deliveries(), report.readings(), report.readings() / seconds,
                        report.pipeline().readingsLate(), report.pipeline().readingsSuperseded(), report.labels(),
                        sizeOf(dir) / 1e6);
            } finally {
                deleteTree(dir);
            }
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
