package uk.consumptioninsights.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;
import uk.consumptioninsights.dataaccess.export.ExportFormat;
import uk.consumptioninsights.dataaccess.export.ExportTable;
import uk.consumptioninsights.dataaccess.export.TabTable;
import uk.consumptioninsights.dataaccess.export.TabTables;
import uk.consumptioninsights.dataaccess.export.TableFileWriter;
import uk.consumptioninsights.dataaccess.governance.WorkspaceGovernance;
import uk.consumptioninsights.dataaccess.quality.QualitySummary;
import uk.consumptioninsights.dataaccess.quality.WorkspaceQuality;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceAuditLog;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * {@code ciw export <table>}: a tab's data as CSV or Parquet, read through the purpose's own views exactly as the tab
 * reads it ({@link TabTables}): raw MPANs under Settlement only, keyed pseudonyms for the other per-meter purposes,
 * groups for Research. The export is recorded in the workspace's audit log.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export a tab's data as CSV or Parquet, masked for the purpose exactly as the window shows it.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Ciw ciw;

    @Parameters(paramLabel = "<table>", converter = TableConverter.class,
            description = "overview, consumption, meters, anomalies, grants, column-masks, row-filters, audit or quality.")
    TabTable table;

    @Option(names = "--purpose", required = true, paramLabel = "<purpose>", converter = PurposeOption.class,
            description = "settlement, market-monitoring, research or recipient: what the export may show.")
    PurposeRole purpose;

    @Option(names = "--format", paramLabel = "csv|parquet", converter = FormatConverter.class,
            description = "Default: from the output's file ending, else csv.")
    ExportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Where to write (replaced). Default: <table>-<purpose>.<csv|parquet> here.")
    Path output;

    @Option(names = "--from", paramLabel = "<yyyy-mm-dd>", description = "First settlement date (default: the first visible).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "<yyyy-mm-dd>", description = "Last settlement date (default: the last visible).")
    LocalDate to;

    @Option(names = "--gsp-group", paramLabel = "<code>", description = "consumption: one GSP group (e.g. _C) instead of all meters.")
    String gspGroup;

    @Option(names = "--meter", paramLabel = "<key>",
            description = "consumption: one meter, by the key the purpose sees (MPAN for settlement, pseudonym otherwise).")
    String meter;

    @Override
    public Integer call() throws Exception {
        ExportFormat chosen = format != null ? format : formatOf(output);
        Path target = output != null ? output : Path.of(table.code() + "-" + PurposeOption.code(purpose) + chosen.extension());
        SeriesScope scope = scope();
        try (LocalWorkspace workspace = ciw.workspaceFolder().openExisting()) {
            WorkspaceConsumptionSource source = new WorkspaceConsumptionSource(workspace);
            if (!source.roles().contains(purpose)) {
                throw new BadArgument("This workspace answers for " + source.roles().stream().map(PurposeRole::displayName)
                        .toList() + " only, not " + purpose.displayName());
            }
            Optional<QualitySummary> quality = table == TabTable.QUALITY
                    ? Optional.of(new WorkspaceQuality(workspace).summarise(purpose, 0)) : Optional.empty();
            ExportTable rows = new TabTables(source, new WorkspaceGovernance(workspace)).read(table, purpose, range(), scope,
                    quality);
            long written = TableFileWriter.write(rows, target, chosen);
            new WorkspaceAuditLog(workspace).export(purpose, "ciw export " + table.code() + " as " + chosen.name().toLowerCase(Locale.ROOT)
                    + " to " + target.getFileName(), written);
            Path absolute = target.toAbsolutePath();
            ciw.output().emit(new Report(
                    List.of(String.format(Locale.UK, "Exported %,d rows of %s for %s to %s", written, table.code(),
                            purpose.displayName(), absolute)),
                    JsonTree.object("ok", true, "table", table.code(), "purpose", PurposeOption.code(purpose),
                            "format", chosen.name().toLowerCase(Locale.ROOT), "file", absolute, "rows", written,
                            "columns", rows.columns().stream().map(c -> c.name()).toList())));
        }
        return ExitCodes.OK;
    }

    private Optional<DateRange> range() {
        if (from == null && to == null) {
            return Optional.empty();
        }
        LocalDate first = from != null ? from : LocalDate.MIN;
        LocalDate last = to != null ? to : LocalDate.MAX;
        if (last.isBefore(first)) {
            throw new BadArgument("--to " + to + " is before --from " + from);
        }
        return Optional.of(new DateRange(first, last));
    }

    private SeriesScope scope() {
        if (gspGroup != null && meter != null) {
            throw new BadArgument("Give --gsp-group or --meter, not both");
        }
        if ((gspGroup != null || meter != null) && table != TabTable.CONSUMPTION) {
            throw new BadArgument("--gsp-group and --meter choose what 'consumption' exports; " + table.code() + " takes neither");
        }
        if (gspGroup != null) {
            try {
                return new SeriesScope.OneGspGroup(GspGroup.fromCode(gspGroup.trim()));
            } catch (IllegalArgumentException e) {
                throw new BadArgument("'" + gspGroup + "' is not a GSP group code (e.g. _A, _C, _P)");
            }
        }
        if (meter != null) {
            return new SeriesScope.OneMeter(meter.trim(), meter.trim());
        }
        return new SeriesScope.AllMeters();
    }

    private static ExportFormat formatOf(Path output) {
        return output != null && output.toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
                ? ExportFormat.PARQUET : ExportFormat.CSV;
    }

    static final class TableConverter implements ITypeConverter<TabTable> {
        @Override
        public TabTable convert(String value) {
            return TabTable.fromCode(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a table; choose one of " + TabTable.codes()));
        }
    }

    static final class FormatConverter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a format; choose csv or parquet");
            }
        }
    }
}
