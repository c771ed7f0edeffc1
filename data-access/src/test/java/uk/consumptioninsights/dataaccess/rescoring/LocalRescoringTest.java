package uk.consumptioninsights.dataaccess.rescoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.MeterSeries;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalRescoringTest {

    private LocalWorkspace workspace;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("r.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(11L, 120, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), 0.05),
                new InjectionRates(0.08, 0.2, 0.1, 2.0)).build(workspace, Progress.NONE);
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void readsEveryMeterAsOrderedColumnsEqualToTheGoldRows() throws SQLException {
        FleetWindow fleet = WorkspaceFleetReader.read(workspace, Progress.NONE);
        assertThat(fleet.meters()).hasSize(120);
        // Flagged readings are read too: the detectors exist to find them.
        assertThat(fleet.readingCount()).isEqualTo(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM silver.hh_readings"));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.flagged_readings")).isPositive();
        MeterSeries meter = fleet.meters().get(17);
        String mpan = meter.meterKey();
        assertThat(sum(meter)).isCloseTo(WorkspaceSql.doubleOf(workspace,
                "SELECT sum(kwh) FROM silver.hh_readings JOIN silver.meters USING (meter_id) WHERE mpan = '" + mpan + "'"), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(meter.epochSecondAt(0)).isEqualTo(WorkspaceSql.longOf(workspace,
                "SELECT min(epoch(interval_start_utc))::BIGINT FROM gold.consumption_half_hourly WHERE mpan = '" + mpan + "'"));
        assertThat(meter.gspGroup().code()).isEqualTo(WorkspaceSql.strings(workspace,
                "SELECT gsp_group FROM gold.meters WHERE mpan = '" + mpan + "'").get(0));
        assertThat(fleet.from()).isEqualTo(Instant.parse("2026-09-30T23:00:00Z"));
        assertThat(fleet.to()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
    }

    @Test
    void readingSilverGivesExactlyTheRowsOfTheGoldViews() throws SQLException {
        FleetWindow fast = WorkspaceFleetReader.read(workspace, Progress.NONE);
        FleetWindow gold = WorkspaceFleetReader.read(workspace, Progress.NONE, 0, true);
        assertThat(fast.meters()).hasSameSizeAs(gold.meters());
        for (int i = 0; i < gold.meters().size(); i++) {
            MeterSeries a = fast.meters().get(i);
            MeterSeries b = gold.meters().get(i);
            assertThat(a.meterKey()).isEqualTo(b.meterKey());
            assertThat(a.gspGroup()).isEqualTo(b.gspGroup());
            assertThat(a.size()).isEqualTo(b.size());
            for (int k = 0; k < a.size(); k++) {
                assertThat(a.epochSecondAt(k)).isEqualTo(b.epochSecondAt(k));
                assertThat(a.kwhAt(k)).isEqualTo(b.kwhAt(k));
            }
        }
    }

    @Test
    void aSampleReadsEveryNthMeterWithAllItsReadings() throws SQLException {
        FleetWindow all = WorkspaceFleetReader.read(workspace, Progress.NONE);
        FleetWindow sample = WorkspaceFleetReader.sample(workspace, 25);
        // 120 meters, at most 25: every fifth, in MPAN order.
        assertThat(sample.meters()).hasSize(24);
        for (int k = 0; k < sample.meters().size(); k++) {
            MeterSeries sampled = sample.meters().get(k);
            MeterSeries full = all.meters().get(5 * k);
            assertThat(sampled.meterKey()).isEqualTo(full.meterKey());
            assertThat(sampled.size()).isEqualTo(full.size());
            assertThat(sum(sampled)).isEqualTo(sum(full));
        }
    }

    @Test
    void readingsThatArriveOutOfOrderAreSortedWithTheirValues() {
        long[] times = {5400, 0, 3600, 1800, 7200};
        double[] kwh = {0.4, 0.1, 0.3, 0.2, 0.5};
        WorkspaceFleetReader.sortByTime(times, kwh);
        assertThat(times).containsExactly(0, 1800, 3600, 5400, 7200);
        assertThat(kwh).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);

        // Off the half-hour grid, and a repeated time: the general sort, ties kept in arrival order.
        long[] uneven = {100, 7, 50, 7};
        double[] values = {1, 2, 3, 4};
        WorkspaceFleetReader.sortByTime(uneven, values);
        assertThat(uneven).containsExactly(7, 7, 50, 100);
        assertThat(values).containsExactly(2, 4, 3, 1);

        long[] one = {1_700_000_000L};
        double[] value = {1.5};
        WorkspaceFleetReader.sortByTime(one, value);
        assertThat(one).containsExactly(1_700_000_000L);
        assertThat(value).containsExactly(1.5);
    }

    @Test
    void detectionsLandInGoldAndEachPurposeViewShowsThemItsOwnWay() throws SQLException {
        List<Detection> detections = new Rescoring().run(WorkspaceFleetReader.read(workspace, Progress.NONE), Progress.NONE);
        assertThat(detections).isNotEmpty();
        int written = DetectionWriter.replace(workspace, "local-rules", "LR", detections, Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(written).isEqualTo(detections.size());
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.v_settlement_anomalies")).isEqualTo(written);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.v_settlement_anomalies v ANTI JOIN gold.meters m USING (mpan)")).isZero();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.v_market_monitoring_anomalies WHERE mpan_pseudonym LIKE 'P%'"))
                .isEqualTo(written);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT sum(anomaly_count) FROM gold.v_research_anomaly_summary")).isEqualTo(written);
        assertThat(WorkspaceSql.strings(workspace, "SELECT anomaly_id FROM gold.anomalies ORDER BY score DESC, anomaly_id LIMIT 1"))
                .containsExactly("LR-000001");
        // A settlement date is the London day of the first half-hour (BST days start at 23:00 UTC the day before).
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies a JOIN silver.settlement_days d USING (settlement_date) "
                + "WHERE a.interval_start_utc < d.first_interval_utc OR a.interval_start_utc >= d.first_interval_utc + to_minutes(30 * d.periods)"))
                .isZero();

        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE learned_score BETWEEN 0 AND 1"))
                .isEqualTo(written);

        // Rescoring again replaces rather than adds.
        DetectionWriter.replace(workspace, "local-rules", "LR", detections.subList(0, 1), Instant.parse("2026-11-21T01:00:00Z"));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies")).isEqualTo(1);
        DetectionWriter.replace(workspace, "local-rules", "LR", detections, Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies")).isEqualTo(written);
    }

    @Test
    void aDetectionWithoutALearnedScoreIsStoredWithANullOne() throws SQLException {
        List<Detection> detections = Rescoring.rulesOnly().run(WorkspaceFleetReader.read(workspace, Progress.NONE), Progress.NONE);
        assertThat(detections).isNotEmpty();
        DetectionWriter.replace(workspace, "local-rules", "LR", detections, Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE learned_score IS NULL"))
                .isEqualTo(detections.size());
    }

    @Test
    void neitherIdsNorReasonsCarryTheMpan() throws SQLException {
        List<Detection> detections = new Rescoring().run(WorkspaceFleetReader.read(workspace, Progress.NONE), Progress.NONE);
        DetectionWriter.replace(workspace, "local-rules", "LR", detections, Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies WHERE anomaly_id NOT SIMILAR TO 'LR-[0-9]{6}'"))
                .isZero();
        // Reasons reach Market monitoring and Recipient through the curated views: no MPAN may appear in them.
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies a, gold.meters m WHERE contains(a.reason, m.mpan)"))
                .isZero();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies")).isPositive();
    }

    @Test
    void aCancelledReadStopsWithoutAWindow() {
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> WorkspaceFleetReader.read(workspace, cancelled)).isInstanceOf(CancellationException.class);
    }

    private static double sum(MeterSeries meter) {
        double total = 0;
        for (int i = 0; i < meter.size(); i++) {
            total += meter.kwhAt(i);
        }
        return total;
    }
}
