package uk.consumptioninsights.dataaccess.rescoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (not a test): the whole local rescoring of a workspace, end to end — read gold into columns,
 * run every detector, replace the detections in gold.anomalies. Builds the default workspace once, then prints each
 * round. {@code mvn -q install -DskipTests && mvn -q -pl data-access exec:java@rescoring-benchmark [-Dexec.args="2000 3"]}.
 */
public final class LocalRescoringBenchmark {

    private LocalRescoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int meters = args.length > 0 ? Integer.parseInt(args[0]) : FleetSettings.DEFAULT_METERS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        Path dir = Files.createTempDirectory("ciw-rescore");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("bench.duckdb"))) {
            new SyntheticWorkspaceBuilder(FleetSettings.defaults(yesterday).withMeterCount(meters), InjectionRates.defaults())
                    .build(workspace, Progress.NONE);
            System.out.printf(Locale.UK, "Local rescoring benchmark: %d meters, 90 days, %d cores%n", meters,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                FleetWindow fleet = WorkspaceFleetReader.read(workspace, Progress.NONE);
                long t1 = System.nanoTime();
                List<Detection> detections = new Rescoring().run(fleet, Progress.NONE);
                long t2 = System.nanoTime();
                int written = DetectionWriter.replace(workspace, "local-rules", "LR", detections, Instant.now());
                long t3 = System.nanoTime();
                System.out.printf(Locale.UK, "round %d: %.2f s end to end (read %.2f s, detect %.2f s, write %.2f s); %,d readings, %,d detections%n",
                        round, (t3 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, fleet.readingCount(), written);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
