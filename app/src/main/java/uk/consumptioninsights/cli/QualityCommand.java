package uk.consumptioninsights.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.consumptioninsights.dataaccess.quality.MeterGap;
import uk.consumptioninsights.dataaccess.quality.QualitySummary;
import uk.consumptioninsights.dataaccess.quality.WorkspaceDayQuality;
import uk.consumptioninsights.dataaccess.quality.WorkspaceQuality;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * {@code ciw quality}: the workspace's data quality ({@link WorkspaceQuality}, which the Data Quality tab is to show):
 * per settlement day the periods expected (46/48/50 on clock-change days) against those received, flagged and negative
 * reads, repeated and superseded deliveries, late arrivals, and the meters with gaps under the purpose's key.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Summarise the workspace's data quality per settlement day, and the meters with gaps.")
final class QualityCommand implements Callable<Integer> {

    @ParentCommand
    Ciw ciw;

    @Option(names = "--purpose", required = true, paramLabel = "<purpose>", converter = PurposeOption.class,
            description = "settlement, market-monitoring or research: the meter key shown (research: groups only).")
    PurposeRole purpose;

    @Option(names = "--meters", paramLabel = "<n>", defaultValue = "20",
            description = "How many of the meters with gaps to list, most missing first (default: ${DEFAULT-VALUE}).")
    int meters;

    @Override
    public Integer call() throws Exception {
        if (meters < 0) {
            throw new BadArgument("--meters must be 0 or more, not " + meters);
        }
        try (LocalWorkspace workspace = ciw.workspaceFolder().openExisting()) {
            QualitySummary summary = new WorkspaceQuality(workspace).summarise(purpose, meters);
            ciw.output().emit(new Report(lines(summary), json(summary, workspace)));
        }
        return ExitCodes.OK;
    }

    private static List<String> lines(QualitySummary summary) {
        List<String> lines = new ArrayList<>();
        WorkspaceDayQuality total = summary.total();
        if (total == null) {
            lines.add("The workspace holds no readings.");
            return lines;
        }
        lines.add(String.format(Locale.UK, "%d settlement days, %d incomplete; %,d of %,d expected readings present "
                        + "(%.2f %%), %,d missing, %,d flagged (%,d negative); %,d meters with gaps.",
                summary.days().size(), summary.incompleteDays(), total.readingsPresent(), total.readingsExpected(),
                100 * total.completeness(), total.readingsMissing(), total.readingsFlagged(), total.negativeReadings(),
                summary.metersWithGaps()));
        lines.add(String.format(Locale.UK, "Deliveries: %,d received, %,d repeated, %,d versions superseded, %,d readings "
                + "rejected as late.", total.deliveries(), total.duplicateDeliveries(), total.supersededVersions(),
                total.lateRejected()));
        if (!summary.readTypesRecorded()) {
            lines.add("Read types (actual or estimated) are not recorded in this workspace yet.");
        }
        lines.add("");
        lines.add(String.format("%-10s %7s %7s %9s %9s %8s %8s %8s %7s %6s  %s", "date", "periods", "meters", "expected",
                "present", "missing", "flagged", "negative", "repeat", "late", ""));
        for (WorkspaceDayQuality d : summary.days()) {
            lines.add(String.format(Locale.UK, "%-10s %7d %7d %9d %9d %8d %8d %8d %7d %6d  %s", d.settlementDate(),
                    d.periodsInDay(), d.metersExpected(), d.readingsExpected(), d.readingsPresent(), d.readingsMissing(),
                    d.readingsFlagged(), d.negativeReadings(), d.duplicateDeliveries(), d.lateRejected(),
                    d.complete() ? "" : "incomplete"));
        }
        if (!summary.meterGaps().isEmpty()) {
            lines.add("");
            lines.add("Meters with gaps (" + summary.role().displayName() + "):");
            for (MeterGap gap : summary.meterGaps()) {
                lines.add(String.format(Locale.UK, "  %-18s %s  %,d periods missing on %,d days", gap.meterKey(),
                        gap.gspGroup(), gap.periodsMissing(), gap.daysWithGaps()));
            }
        }
        return lines;
    }

    private static Map<String, Object> json(QualitySummary summary, LocalWorkspace workspace) {
        WorkspaceDayQuality total = summary.total();
        return JsonTree.object("ok", true, "workspace", workspace.file().toAbsolutePath(),
                "purpose", PurposeOption.code(summary.role()),
                "days", summary.days().stream().map(QualityCommand::day).toList(),
                "groupDays", summary.groupDays().stream().map(QualityCommand::day).toList(),
                "total", total == null ? null : day(total),
                "incompleteDays", summary.incompleteDays(),
                "metersWithGaps", summary.metersWithGaps(),
                "meterGaps", summary.meterGaps().stream().map(g -> JsonTree.object(
                        summary.role().maySeeRawMpan() ? "mpan" : "mpanPseudonym", g.meterKey(), "gspGroup", g.gspGroup(),
                        "daysWithGaps", g.daysWithGaps(), "periodsMissing", g.periodsMissing())).toList(),
                "readTypesRecorded", summary.readTypesRecorded());
    }

    private static Map<String, Object> day(WorkspaceDayQuality d) {
        return JsonTree.object("settlementDate", d.settlementDate(), "gspGroup", d.gspGroup(),
                "periodsInDay", d.periodsInDay(), "metersExpected", d.metersExpected(),
                "metersReporting", d.metersReporting(), "readingsExpected", d.readingsExpected(),
                "readingsPresent", d.readingsPresent(), "readingsMissing", d.readingsMissing(),
                "readingsFlagged", d.readingsFlagged(), "negativeReadings", d.negativeReadings(),
                "deliveries", d.deliveries(), "duplicateDeliveries", d.duplicateDeliveries(),
                "supersededVersions", d.supersededVersions(), "lateRejected", d.lateRejected(), "complete", d.complete());
    }
}
