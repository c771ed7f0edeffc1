package uk.consumptioninsights.dataaccess.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.settlement.SettlementRun;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Four months of a small fleet: long enough for the first and second reconciliation runs of the early days to have
 * taken place by the last day, so the generator's estimates and their restatements can be seen through the pipeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementRunRhythmTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 7, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 10, 31);
    private LocalWorkspace workspace;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("runs.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(5L, 60, FIRST, LAST, 0.1), InjectionRates.defaults())
                .build(workspace, Progress.NONE);
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void aFewPercentOfMeterDaysAreEstimatedAtTheInitialRun() throws SQLException {
        double estimatedAtSf = WorkspaceSql.doubleOf(workspace, "SELECT count(DISTINCT (mpan, settlement_date)) "
                + "FILTER (WHERE read_type = 'estimated' AND settlement_run = 'SF' AND version = 1 AND ingest_batch = "
                + "datediff('day', DATE '" + FIRST + "', settlement_date) + 1) / count(DISTINCT (mpan, settlement_date)) "
                + "FROM bronze.hh_deliveries");
        assertThat(estimatedAtSf).isBetween(0.02, 0.08);
    }

    @Test
    void reconciliationRunsRestateEstimatesWithActualsBehindTheWatermark() throws SQLException {
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM silver.hh_readings WHERE settlement_run = 'R1' "
                + "AND read_type = 'actual'")).isPositive();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM silver.late_rejections l JOIN bronze.hh_deliveries d "
                + "USING (delivery_id) WHERE d.settlement_run <> 'SF'")).as("no restatement is rejected as late").isZero();
        // Every restatement was delivered on (or after) its run's date, never before.
        LocalDate r1OfFirst = SettlementRun.R1.runDate(FIRST);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT min(ingest_batch) FROM bronze.hh_deliveries WHERE settlement_run = 'R1'"))
                .isGreaterThanOrEqualTo(java.time.temporal.ChronoUnit.DAYS.between(FIRST, r1OfFirst));
    }

    @Test
    void daysPastTheirFirstReconciliationHoldFewerEstimatesThanRecentDays() throws SQLException {
        // Days whose R1 has taken place by the last day against the last month's days, which only the initial run saw.
        String share = "SELECT sum(periods_estimated)::DOUBLE / sum(periods_read) FROM gold.consumption_daily WHERE ";
        double reconciled = WorkspaceSql.doubleOf(workspace, share + "settlement_date <= DATE '2026-08-15'");
        double recent = WorkspaceSql.doubleOf(workspace, share + "settlement_date > DATE '2026-10-01'");
        assertThat(recent).isBetween(0.01, 0.09);
        assertThat(reconciled).isLessThan(recent / 2);
        assertThat(WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh_actual) / sum(kwh_total) FROM gold.data_quality_daily "
                + "WHERE settlement_date <= DATE '2026-08-15'")).isGreaterThan(0.97);
    }
}
