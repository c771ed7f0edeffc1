package uk.consumptioninsights.app.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceFleetReader;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.FleetContext;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.LearnedRanking;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (a main, not a test): where a fresh JVM's first rescoring of the default workspace spends its time
 * against the second and third, phase by phase (read, fleet context, detectors, learned ranking; writing is
 * unchanged), with or without {@link RescoringPriming} first. The workspace is built once into
 * {@code target/first-rescoring/} and reused. From the app folder, after {@code mvn -q -DskipTests install} and
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}:
 * {@code java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * uk.consumptioninsights.app.source.FirstRescoringPhases [prime] [app-progress]} ({@code app-progress}: report to a
 * progress of another class than the priming's, sliced, as the app does).
 */
public final class FirstRescoringPhases {

    private FirstRescoringPhases() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of("target", "first-rescoring", "default.duckdb");
        boolean build = !Files.exists(file);
        Files.createDirectories(file.getParent());
        try (LocalWorkspace workspace = LocalWorkspace.open(file)) {
            if (build) {
                LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
                new SyntheticWorkspaceBuilder(FleetSettings.defaults(yesterday), InjectionRates.defaults()).build(workspace, Progress.NONE);
            }
            List<String> options = List.of(args);
            if (options.contains("prime")) {
                long started = System.nanoTime();
                RescoringPriming.prime(workspace);
                System.out.printf("primed in %.0f ms%n", (System.nanoTime() - started) / 1e6);
            }
            // As the app reports it: a progress of another class than the priming's, sliced.
            Progress progress = options.contains("app-progress") ? new Progress() {
                private volatile String last = "";

                @Override
                public void report(double fraction, String message) {
                    last = message;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            } : Progress.NONE;
            for (int run = 1; run <= 3; run++) {
                long t0 = System.nanoTime();
                FleetWindow window = WorkspaceFleetReader.read(workspace, progress.slice(0.01, 0.35));
                long t1 = System.nanoTime();
                FleetContext context = FleetContext.build(window, progress.slice(0.35, 0.5));
                long t2 = System.nanoTime();
                List<Detection> found = new Rescoring().detect(context, progress.slice(0.5, 0.8));
                long t3 = System.nanoTime();
                LearnedRanking.defaults().rank(context, found, progress.slice(0.8, 0.9));
                long t4 = System.nanoTime();
                System.out.printf("run %d: read %.0f ms, context %.0f ms, detectors %.0f ms, ranking %.0f ms, total %.0f ms%n", run,
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t4 - t0) / 1e6);
            }
        }
    }
}
