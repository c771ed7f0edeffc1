package uk.consumptioninsights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.importer.ImportedSource;
import uk.consumptioninsights.app.source.ImportedWorkspaces;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;
import uk.consumptioninsights.dataaccess.importer.RejectionKind;

/**
 * {@code ciw import <csv>}: the Import dialog's import. The same {@link ImportedWorkspaces} reads the London
 * smart-meter CSV into a new workspace beside the default one, with the import report beside it; Ctrl-C leaves
 * nothing behind.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a meter CSV (London smart-meter format, plain or .gz) into a new workspace, as File → Import does.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Ciw ciw;

    @Parameters(paramLabel = "<csv>", description = "The meter CSV (LCLid,tstp,energy(kWh/hh)), plain or gzipped.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(csv)) {
            throw new BadArgument("There is no file " + csv.toAbsolutePath() + " to import");
        }
        AppConfig config = ciw.workspaceFolder().config(AppConfig.fromSystemProperties().fleet());
        config.keepPrivate();
        try (ImportedWorkspaces imports = new ImportedWorkspaces(config.importFolder(), source -> source,
                Clock.systemDefaultZone(), Runnable::run);
             ProgressDisplay progress = ciw.progress("Importing")) {
            ImportedSource imported = imports.importCsv(csv, progress);
            progress.close();
            CsvImportReport report = imported.report();
            List<String> lines = new ArrayList<>();
            lines.add(report.summary());
            lines.add("Workspace: " + imported.workspaceFile());
            report.reportFile().ifPresent(file -> lines.add("Import report: " + file));
            Map<String, Long> rejections = new TreeMap<>();
            for (Map.Entry<RejectionKind, Long> entry : report.rejectionCounts().entrySet()) {
                rejections.put(entry.getKey().name().toLowerCase(java.util.Locale.ROOT), entry.getValue());
            }
            ciw.output().emit(new Report(lines, JsonTree.object("ok", true, "workspace", imported.workspaceFile(),
                    "file", csv.toAbsolutePath(), "linesRead", report.linesRead(), "readingsImported", report.readingsImported(),
                    "households", report.households(), "firstSettlementDate", report.firstSettlementDate(),
                    "lastSettlementDate", report.lastSettlementDate(), "rejected", report.rejectedCount(),
                    "rejectedByReason", rejections, "flagged", report.flaggedCount(), "importReport", report.reportFile(),
                    "summary", report.summary())));
        }
        return ExitCodes.OK;
    }
}
