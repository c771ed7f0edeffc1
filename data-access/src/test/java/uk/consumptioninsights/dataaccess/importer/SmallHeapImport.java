package uk.consumptioninsights.dataaccess.importer;

import java.nio.file.Path;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.work.Progress;

/**
 * Run in a child JVM by {@link RejectedLinesInBoundedMemoryTest}: imports args[0] into a new workspace at args[1] and
 * writes what the report counted, one {@code key=value} a line, then {@code done}.
 */
public final class SmallHeapImport {

    private SmallHeapImport() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalWorkspace workspace = LocalWorkspace.open(Path.of(args[1]))) {
            CsvImportReport report = new LondonCsvImport().importFile(Path.of(args[0]), workspace, Progress.NONE);
            System.out.println("linesRead=" + report.linesRead());
            System.out.println("readingsImported=" + report.readingsImported());
            System.out.println("rejected=" + report.rejectedCount());
            report.rejectionCounts().forEach((kind, count) -> System.out.println(kind + "=" + count));
            System.out.println("flagged=" + report.flaggedCount());
            System.out.println("rejectedSample=" + report.rejectedRows().size());
            System.out.println("reportFile=" + report.reportFile().map(Path::toString).orElse(""));
            System.out.println("status=" + workspace.status());
            System.out.println("done");
        }
    }
}
