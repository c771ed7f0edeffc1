package uk.consumptioninsights.dataaccess.rescoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceRescorerTest {

    private LocalWorkspace workspace;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(11L, 120, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), 0.05),
                new InjectionRates(0.08, 0.2, 0.1, 2.0)).build(workspace, Progress.NONE);
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    @Order(1)
    void rescoringWritesTheDetectionsAndSummarisesThem() throws SQLException {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        RescoreSummary summary = new WorkspaceRescorer(workspace).rescore(new Progress() {
            @Override
            public void report(double fraction, String message) {
                fractions.add(fraction);
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });

        // Flagged readings are scored too: the malfunction detector exists to find them.
        long readings = WorkspaceSql.longOf(workspace, "SELECT (SELECT count(*) FROM gold.consumption_half_hourly)"
                + " + (SELECT count(*) FROM gold.flagged_readings)");
        assertThat(summary.readings()).isEqualTo(readings);
        assertThat(summary.detections()).isPositive();
        assertThat(summary.byType().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(summary.detections());
        assertThat(summary.byType()).containsOnlyKeys(AnomalyType.values());
        assertThat(summary.elapsed()).isPositive();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE detector = 'local-rules'"))
                .isEqualTo(summary.detections());
        for (AnomalyType type : AnomalyType.values()) {
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE anomaly_type = '" + type.code() + "'"))
                    .as(type.label()).isEqualTo(summary.count(type));
        }
        assertThat(messages).first().isEqualTo("Reading " + String.format(java.util.Locale.UK, "%,d", readings) + " readings…");
        assertThat(messages).contains("Scoring…", "Saving " + String.format(java.util.Locale.UK, "%,d", summary.detections())
                + (summary.detections() == 1 ? " detection…" : " detections…"));
        assertThat(fractions).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE detector = 'local-rules' "
                + "AND (learned_score IS NULL OR learned_score < 0 OR learned_score > 1 OR isnan(learned_score))"))
                .as("every local detection has a learned score in 0..1").isZero();
    }

    @Test
    @Order(3)
    void theRankingAcrossTypesIsTheSameOnEveryRescoring() throws SQLException {
        String ranking = "SELECT anomaly_type || ' ' || mpan || ' ' || interval_start_utc || ' ' || learned_score "
                + "FROM gold.anomalies WHERE detector = 'local-rules' "
                + "ORDER BY learned_score DESC, mpan, interval_start_utc, anomaly_type";
        new WorkspaceRescorer(workspace).rescore(Progress.NONE);
        List<String> first = WorkspaceSql.strings(workspace, ranking);
        new WorkspaceRescorer(workspace).rescore(Progress.NONE);
        List<String> second = WorkspaceSql.strings(workspace, ranking);

        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT anomaly_type) FROM gold.anomalies")).isGreaterThan(1);
        assertThat(second).isEqualTo(first);
        // Within a type the learned ranking keeps the detector's order: a higher score never ranks lower.
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies a JOIN gold.anomalies b "
                + "USING (anomaly_type) WHERE a.score > b.score AND a.learned_score < b.learned_score")).isZero();
    }

    @Test
    @Order(2)
    void cancellingBeforeTheWriteKeepsThePreviousDetections() throws SQLException {
        new WorkspaceRescorer(workspace).rescore(Progress.NONE);
        long before = WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies");
        List<String> ids = WorkspaceSql.strings(workspace, "SELECT anomaly_id || detected_at_utc FROM gold.anomalies ORDER BY 1");
        assertThat(before).isPositive();

        // Cancel as soon as scoring is over: everything is computed, nothing may be written.
        Progress cancelAtSave = new Progress() {
            private volatile boolean cancelled;

            @Override
            public void report(double fraction, String message) {
                if (message != null && message.endsWith("detections") && !message.startsWith("Saving")) {
                    cancelled = true;
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        assertThatThrownBy(() -> new WorkspaceRescorer(workspace).rescore(cancelAtSave)).isInstanceOf(CancellationException.class);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies")).isEqualTo(before);
        assertThat(WorkspaceSql.strings(workspace, "SELECT anomaly_id || detected_at_utc FROM gold.anomalies ORDER BY 1"))
                .isEqualTo(ids);

        Progress cancelledAtOnce = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new WorkspaceRescorer(workspace).rescore(cancelledAtOnce)).isInstanceOf(CancellationException.class);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies")).isEqualTo(before);
    }
}
