package uk.consumptioninsights.app.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

class RescoringPrimingTest {

    @Test
    void primingScoresASampleOfTheWorkspaceAndWritesNothing(@TempDir Path dir) throws Exception {
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"))) {
            new SyntheticWorkspaceBuilder(FleetSettings.defaults(LocalDate.of(2024, 3, 31)).withMeterCount(200).withDays(30),
                    InjectionRates.defaults()).build(workspace, Progress.NONE);
            long before = localDetections(workspace);

            List<Detection> found = RescoringPriming.prime(workspace);

            assertThat(found).isNotEmpty();
            assertThat(localDetections(workspace)).as("nothing written").isEqualTo(before);
        }
    }

    private static long localDetections(LocalWorkspace workspace) throws Exception {
        try (var c = workspace.newConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM gold.anomalies WHERE detector = '" + WorkspaceRescorer.DETECTOR + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
