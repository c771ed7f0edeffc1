package uk.consumptioninsights.dataaccess.rescoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * JMH: the whole local rescoring of the default workspace (2,000 meters × 90 settlement days, about 8.6M readings), end
 * to end through the public API the app calls (read gold, score, replace the detections), so it follows whatever
 * {@link WorkspaceRescorer} does. Target: under 10 s.
 * {@code mvn -q -DskipTests install && mvn -q -pl data-access exec:exec@jmh-rescoring}.
 *
 * <p>The workspace is generated once per trial in a temporary folder (about 15 s, outside the figures). Every call
 * replaces the same detector's rows, so repeated calls measure the same work as an analyst's repeated "Rescore locally".
 * The heap is fixed so that the figures do not depend on the machine's memory.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@State(Scope.Benchmark)
public class LocalRescoringBenchmark {

    private Path folder;
    private LocalWorkspace workspace;

    @Setup(Level.Trial)
    public void buildDefaultWorkspace() throws IOException, SQLException {
        folder = Files.createTempDirectory("ciw-rescore");
        workspace = LocalWorkspace.open(folder.resolve("bench.duckdb"));
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        new SyntheticWorkspaceBuilder(FleetSettings.defaults(yesterday), InjectionRates.defaults()).build(workspace, Progress.NONE);
    }

    @TearDown(Level.Trial)
    public void deleteWorkspace() throws IOException, SQLException {
        try {
            if (workspace != null) {
                workspace.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public RescoreSummary rescoreDefaultWorkspace() throws SQLException {
        return new WorkspaceRescorer(workspace).rescore(Progress.NONE);
    }
}
