package uk.consumptioninsights.dataaccess.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticWorkspaceBuilderTest {

    /** 120 meters over 30 days that include the autumn clock change, with every anomaly type likely. */
    static final FleetSettings SETTINGS = new FleetSettings(42L, 120, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 3), 0.1);
    static final InjectionRates RATES = new InjectionRates(0.08, 0.2, 0.1, 2.0);

    private Path dir;
    private LocalWorkspace workspace;
    private BuildReport report;

    @BeforeAll
    void build(@TempDir Path tempDir) throws SQLException {
        dir = tempDir;
        workspace = LocalWorkspace.open(dir.resolve("synthetic.duckdb"));
        report = new SyntheticWorkspaceBuilder(SETTINGS, RATES).build(workspace, Progress.NONE);
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void buildsAReadyWorkspaceWithEveryMeterAndDay() throws SQLException {
        assertThat(workspace.status()).isEqualTo(WorkspaceStatus.READY);
        assertThat(report.meters()).isEqualTo(120);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.meters")).isEqualTo(120);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT settlement_date) FROM gold.consumption_half_hourly")).isEqualTo(30);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_half_hourly")).isEqualTo(report.readings());
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM (SELECT mpan, interval_start_utc FROM gold.consumption_half_hourly GROUP BY ALL HAVING count(*) > 1)"))
                .as("one reading per MPAN and interval").isZero();
    }

    @Test
    void everyMpanIsValidAndEveryGspGroupIsCovered() throws SQLException {
        List<String> mpans = WorkspaceSql.strings(workspace, "SELECT mpan FROM gold.meters");
        assertThat(mpans).allSatisfy(m -> assertThat(Mpan.isValidCore(m)).as(m).isTrue());
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT gsp_group) FROM gold.meters")).isEqualTo(14);
    }

    @Test
    void bronzeHoldsWhatRealFeedsHold() throws SQLException {
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) - count(DISTINCT (mpan, settlement_date)) FROM bronze.hh_deliveries"))
                .as("repeated deliveries").isPositive();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM bronze.hh_deliveries WHERE version > 1")).as("re-published versions").isPositive();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM bronze.hh_deliveries WHERE ingest_batch > datediff('day', DATE '2026-10-05', settlement_date) + 1"))
                .as("late arrivals").isPositive();
        assertThat(report.pipeline().readingsLate()).as("corrections beyond the watermark").isPositive();
        assertThat(report.pipeline().readingsSuperseded()).isPositive();
    }

    @Test
    void clockChangeDayHasFiftyPeriodsForEveryMeter() throws SQLException {
        assertThat(WorkspaceSql.longOf(workspace, "SELECT min(periods_expected) FROM gold.consumption_daily WHERE settlement_date = DATE '2026-10-25'")).isEqualTo(50);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT max(settlement_period) FROM gold.consumption_half_hourly WHERE settlement_date = DATE '2026-10-25'")).isEqualTo(50);
        // Every period is read; the generator's impossible readings are among them, kept flagged and not summed.
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_daily "
                + "WHERE periods_read + periods_flagged <> periods_expected")).isZero();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT sum(periods_flagged) FROM gold.consumption_daily"))
                .isEqualTo(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.flagged_readings"));
    }

    @Test
    void consumptionLooksLikeGbHouseholds() throws SQLException {
        // Domestic daily totals around 2,700 kWh a year (7.4 kWh a day), higher in late autumn.
        double medianDaily = WorkspaceSql.doubleOf(workspace, """
                SELECT median(kwh_total) FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id)
                WHERE m.customer_class = 'domestic'""");
        assertThat(medianDaily).isBetween(5.0, 12.0);
        // Evening peak well above the small hours (local time: these dates are GMT after 25 Oct).
        double evening = WorkspaceSql.doubleOf(workspace, "SELECT avg(kwh) FROM gold.consumption_half_hourly WHERE settlement_date > DATE '2026-10-25' AND settlement_period IN (36, 37)");
        double night = WorkspaceSql.doubleOf(workspace, "SELECT avg(kwh) FROM gold.consumption_half_hourly WHERE settlement_date > DATE '2026-10-25' AND settlement_period IN (7, 8)");
        assertThat(evening).isGreaterThan(1.8 * night);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT customer_class) FROM gold.meters")).isEqualTo(2);
    }

    @Test
    void labelsCoverEveryTaxonomyTypeAndAreNeverDetections() throws SQLException {
        assertThat(WorkspaceSql.strings(workspace, "SELECT DISTINCT anomaly_type FROM evaluation.anomaly_labels ORDER BY 1"))
                .containsExactly("maintenance", "meter_malfunction", "network_anomaly", "theft");
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM evaluation.anomaly_labels")).isEqualTo(report.labels());
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM evaluation.anomaly_labels l ANTI JOIN gold.meters m USING (mpan)")).isZero();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.anomalies")).as("labels are not detections").isZero();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM duckdb_views() WHERE sql ILIKE '%evaluation%'")).as("no view reads the labels").isZero();
    }

    @Test
    void theDataShowsEachLabelledPattern() throws SQLException {
        assertThat(WorkspaceSql.longOf(workspace, windowCheck("zero_run", "max(abs(kwh)) = 0"))).isZero();
        assertThat(WorkspaceSql.longOf(workspace, windowCheck("negative", "max(kwh) < 0"))).isZero();
        assertThat(WorkspaceSql.longOf(workspace, windowCheck("spike", "min(kwh) >= 25"))).isZero();
        assertThat(WorkspaceSql.longOf(workspace, windowCheck("stuck", "min(kwh) = max(kwh)"))).isZero();
        assertThat(WorkspaceSql.longOf(workspace, windowCheck("group_loss", "max(kwh) = 0"))).isZero();
        // Theft keeps the shape but cuts the level well below the meter's own normal.
        assertThat(WorkspaceSql.longOf(workspace, """
                SELECT count(*) FROM evaluation.anomaly_labels l
                WHERE l.pattern = 'sustained_drop' AND NOT (
                  (SELECT avg(kwh) FROM gold.consumption_half_hourly c WHERE c.mpan = l.mpan
                     AND c.interval_start_utc >= l.start_utc AND c.interval_start_utc < l.end_utc)
                  < 0.7 * (SELECT avg(kwh) FROM gold.consumption_half_hourly c WHERE c.mpan = l.mpan
                     AND (c.interval_start_utc < l.start_utc OR c.interval_start_utc >= l.end_utc)))""")).isZero();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT pattern) FROM evaluation.anomaly_labels")).isGreaterThanOrEqualTo(7);
    }

    /** Labels whose window does NOT satisfy the condition; a correct injection leaves none. */
    private static String windowCheck(String pattern, String condition) {
        return "SELECT count(*) FROM evaluation.anomaly_labels l WHERE l.pattern = '" + pattern + "' AND NOT ("
                + "SELECT " + condition + " FROM gold.consumption_half_hourly c WHERE c.mpan = l.mpan "
                + "AND c.interval_start_utc >= l.start_utc AND c.interval_start_utc < l.end_utc)";
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() throws SQLException {
        String fingerprint = fingerprint(workspace);
        try (LocalWorkspace again = LocalWorkspace.open(dir.resolve("again.duckdb"));
             LocalWorkspace other = LocalWorkspace.open(dir.resolve("other.duckdb"))) {
            new SyntheticWorkspaceBuilder(SETTINGS, RATES).build(again, Progress.NONE);
            new SyntheticWorkspaceBuilder(SETTINGS.withSeed(7L), RATES).build(other, Progress.NONE);
            assertThat(fingerprint(again)).isEqualTo(fingerprint);
            assertThat(fingerprint(other)).isNotEqualTo(fingerprint);
        }
    }

    @Test
    void aCancelledBuildIsNeverReady() throws SQLException {
        try (LocalWorkspace cancelled = LocalWorkspace.open(dir.resolve("cancelled.duckdb"))) {
            Progress cancelSoon = new Progress() {
                private int reports;

                @Override
                public void report(double fraction, String message) {
                    reports++;
                }

                @Override
                public boolean isCancelled() {
                    return reports >= 1;
                }
            };
            assertThatThrownBy(() -> new SyntheticWorkspaceBuilder(SETTINGS.withMeterCount(400), RATES).build(cancelled, cancelSoon))
                    .isInstanceOf(CancellationException.class);
            assertThat(cancelled.status()).isEqualTo(WorkspaceStatus.BUILDING);
        }
    }

    private static String fingerprint(LocalWorkspace ws) throws SQLException {
        try (Connection c = ws.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT (SELECT string_agg(mpan, ',' ORDER BY mpan) FROM gold.meters),
                            (SELECT round(sum(kwh), 6) FROM gold.consumption_half_hourly),
                            (SELECT string_agg(mpan || anomaly_type || pattern || start_utc, ',' ORDER BY label_id) FROM evaluation.anomaly_labels)""")) {
            rs.next();
            return rs.getString(1).hashCode() + "/" + rs.getString(2) + "/" + rs.getString(3).hashCode();
        }
    }




}
