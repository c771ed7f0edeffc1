package uk.consumptioninsights.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import uk.consumptioninsights.app.source.LocalWorkspaceRescoring;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/** {@code ciw rescore}: the Anomalies tab's Rescore locally, on the workspace; the previous detections stay until it commits. */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Run the anomaly detectors over every reading of the workspace and replace its local detections, as Rescore locally does.")
final class RescoreCommand implements Callable<Integer> {

    @ParentCommand
    Ciw ciw;

    @Override
    public Integer call() throws Exception {
        try (LocalWorkspace workspace = ciw.workspaceFolder().openExisting();
             ProgressDisplay progress = ciw.progress("Rescoring")) {
            RescoreSummary summary = LocalWorkspaceRescoring.rescorer(workspace).rescore(progress);
            progress.close();
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.UK, "Rescored %,d readings: %,d detections in %.1f s.", summary.readings(),
                    summary.detections(), summary.elapsed().toMillis() / 1000.0));
            Map<String, Object> byType = new LinkedHashMap<>();
            for (AnomalyType type : AnomalyType.values()) {
                lines.add(String.format(Locale.UK, "  %-22s %,d", type.label(), summary.count(type)));
                byType.put(type.code(), summary.count(type));
            }
            lines.add("Workspace: " + workspace.file().toAbsolutePath());
            ciw.output().emit(new Report(lines, JsonTree.object("ok", true, "workspace", workspace.file().toAbsolutePath(),
                    "readings", summary.readings(), "detections", summary.detections(), "byType", byType,
                    "seconds", summary.elapsed().toMillis() / 1000.0)));
        }
        return ExitCodes.OK;
    }
}
