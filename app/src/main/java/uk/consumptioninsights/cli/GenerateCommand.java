package uk.consumptioninsights.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.source.LocalWorkspaceOpener;
import uk.consumptioninsights.dataaccess.generate.BuildReport;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;

/**
 * {@code ciw generate}: the app's first start without the window. The same opener builds the synthetic fleet into the
 * workspace when it is missing or was never completed, and leaves a complete one as it is.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Build the local workspace of generated data, as the app's first start does (nothing to do when it is complete).")
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    Ciw ciw;

    @Option(names = "--meters", paramLabel = "<n>", description = "Meters in the fleet (default as the app: 2,000).")
    Integer meters;

    @Option(names = "--days", paramLabel = "<n>", description = "Settlement days (default as the app: 90).")
    Integer days;

    @Option(names = "--last-day", paramLabel = "<yyyy-mm-dd>", description = "The last settlement day (default: yesterday).")
    LocalDate lastDay;

    @Override
    public Integer call() throws Exception {
        FleetSettings fleet = fleet();
        WorkspaceFolder folder = ciw.workspaceFolder();
        AppConfig config = folder.config(fleet);
        config.keepPrivate();
        try (LocalWorkspaceOpener opener = new LocalWorkspaceOpener(config.workspaceFile(), fleet, InjectionRates.defaults(),
                source -> source, Runnable::run);
             ProgressDisplay progress = ciw.progress("Generating")) {
            ConsumptionSource source = opener.open(progress);
            SourceDescriptor descriptor = source.descriptor();
            var build = opener.lastBuild();
            List<String> lines = build.map(report -> List.of("Built " + descriptor.title() + ": "
                            + String.format(java.util.Locale.UK, "%,d", report.readings()) + " readings in "
                            + report.total().toSeconds() + " s.", "Workspace: " + config.workspaceFile()))
                    .orElse(List.of("Already complete: " + descriptor.title() + ".", "Workspace: " + config.workspaceFile()));
            Map<String, Object> json = JsonTree.object("ok", true, "built", build.isPresent(),
                    "workspace", config.workspaceFile(), "source", descriptor.title(),
                    "meters", build.map(BuildReport::meters).orElse(null), "days", build.map(BuildReport::days).orElse(null),
                    "readings", build.map(BuildReport::readings).orElse(null),
                    "seconds", build.map(r -> r.total().toMillis() / 1000.0).orElse(null));
            ciw.output().emit(new Report(lines, json));
        }
        return ExitCodes.OK;
    }

    private FleetSettings fleet() {
        FleetSettings fleet = AppConfig.fromSystemProperties().fleet();
        if (lastDay != null) {
            fleet = FleetSettings.defaults(lastDay).withMeterCount(fleet.meterCount()).withDays(fleet.dayCount());
        }
        if (meters != null) {
            if (meters < 1 || meters > FleetSettings.MAX_METERS) {
                throw new BadArgument("--meters must be between 1 and " + FleetSettings.MAX_METERS + ", not " + meters);
            }
            fleet = fleet.withMeterCount(meters);
        }
        if (days != null) {
            if (days < 1) {
                throw new BadArgument("--days must be at least 1, not " + days);
            }
            fleet = fleet.withDays(days);
        }
        return fleet;
    }
}
