package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;
import uk.consumptioninsights.dataaccess.importer.LondonCsvImport;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.work.Progress;

/**
 * The product path, as the app runs it: the households are written to a London-layout CSV, imported with File → Import
 * meter CSV's importer into a new, empty local workspace, rescored as Rescore locally does, and the detections read
 * back from gold.anomalies. No detector is called directly. The CSV and the workspace are deleted afterwards.
 */
public final class ProductPathRun {

    /**
     * @param linesWritten data lines in the CSV
     * @param imported     what the importer took and rejected (it drops negative and over-50 kWh lines)
     */
    public record Outcome(List<Detection> detections, long linesWritten, CsvImportReport imported, Duration importTime,
                          Duration rescoringTime) {

        public Outcome {
            detections = List.copyOf(detections);
        }
    }

    public Outcome run(List<HouseholdSeries> households) throws IOException, SQLException {
        Path dir = Files.createTempDirectory("ciw-independent");
        try {
            Path csv = dir.resolve("eval.csv");
            long lines = LondonLayoutCsv.write(csv, households);
            try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("eval.duckdb"))) {
                long t0 = System.nanoTime();
                CsvImportReport report = new LondonCsvImport().importFile(csv, workspace, Progress.NONE);
                long t1 = System.nanoTime();
                new WorkspaceRescorer(workspace).rescore(Progress.NONE);
                long t2 = System.nanoTime();
                List<Detection> detections = GoldDetections.read(workspace,
                        households.stream().map(HouseholdSeries::householdId).toList());
                return new Outcome(detections, lines, report, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
