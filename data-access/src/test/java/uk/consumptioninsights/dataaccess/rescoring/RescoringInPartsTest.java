package uk.consumptioninsights.dataaccess.rescoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Issue 12, item 3: a workspace too large for the heap is rescored one GSP group at a time, and finds what a
 * rescoring of everything at once finds (the detectors judge a meter against itself and its own group).
 */
class RescoringInPartsTest {

    private static final String DETECTIONS = "SELECT mpan || ' ' || anomaly_type || ' ' || interval_start_utc || ' ' || "
            + "interval_end_utc || ' ' || round(score, 9) FROM gold.anomalies WHERE detector = '" + WorkspaceRescorer.DETECTOR
            + "' ORDER BY 1";

    @Test
    void groupByGroupFindsWhatEverythingAtOnceFinds(@TempDir Path dir) throws SQLException {
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("parts.duckdb"))) {
            new SyntheticWorkspaceBuilder(new FleetSettings(31L, 160, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 10), 0.1),
                    InjectionRates.defaults()).build(workspace, Progress.NONE);
            WorkspaceRescorer rescorer = new WorkspaceRescorer(workspace);

            assertThat(RescoringParts.plan(workspace, Long.MAX_VALUE / 256)).as("everything fits").isEmpty();
            WorkspaceRescorer.RescoreSummary whole = rescorer.rescore(Progress.NONE, Long.MAX_VALUE / 256);
            List<String> atOnce = WorkspaceSql.strings(workspace, DETECTIONS);

            RescoringParts plan = RescoringParts.plan(workspace, 1).orElseThrow();
            assertThat(plan.parts()).as("a heap of one byte: a part per group").hasSizeGreaterThan(3).allMatch(p -> p.size() == 1);
            assertThat(plan.readings()).isEqualTo(whole.readings());
            WorkspaceRescorer.RescoreSummary inParts = rescorer.rescore(Progress.NONE, 1);
            List<String> byGroup = WorkspaceSql.strings(workspace, DETECTIONS);

            assertThat(inParts.readings()).isEqualTo(whole.readings());
            assertThat(atOnce).hasSizeGreaterThan(10);
            assertThat(byGroup).containsExactlyElementsOf(atOnce);

            // A heap for about half the readings: groups packed into two or three parts, still the same detections.
            long half = whole.readings() * RescoringParts.HEAP_BYTES_PER_READING;
            RescoringParts packed = RescoringParts.plan(workspace, half).orElseThrow();
            assertThat(packed.parts()).hasSizeBetween(2, 3);
            assertThat(packed.parts().stream().mapToInt(List::size).sum()).isEqualTo(plan.parts().size());
            rescorer.rescore(Progress.NONE, half);
            assertThat(WorkspaceSql.strings(workspace, DETECTIONS)).containsExactlyElementsOf(atOnce);
        }
    }

    @Test
    void groupsArePackedLargestFirstIntoTheFirstPartWithRoom() {
        List<GspGroup> groups = List.of(GspGroup.A, GspGroup.B, GspGroup.C, GspGroup.D, GspGroup.E);
        assertThat(RescoringParts.pack(groups, List.of(120L, 60L, 50L, 40L, 10L), 100))
                .containsExactly(List.of(GspGroup.A), List.of(GspGroup.B, GspGroup.D), List.of(GspGroup.C, GspGroup.E));
    }
}
