package uk.consumptioninsights.dataaccess.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.pipeline.BronzeFixture;
import uk.consumptioninsights.dataaccess.pipeline.MedallionPipeline;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalQueryEngine;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.settlement.ActualReadTarget;
import uk.consumptioninsights.model.settlement.SettlementDayQuality;
import uk.consumptioninsights.model.work.Progress;

/**
 * Data quality on a workspace with the 46-period day of 29 March 2026 and the 50-period day of 25 October 2026, known
 * estimates, a reconciliation run's restatement, missing, flagged, duplicate, superseded and late readings: the figures
 * equal direct SQL over silver and bronze, and each purpose sees them at its level.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualitySourceTest {

    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);
    private static final DateRange BOTH = new DateRange(SPRING, AUTUMN);
    /** Twelve meters in _A (enough for Research), two in _B (too few). */
    private static final List<String> A = meters(10, 12);
    private static final List<String> B = meters(11, 2);

    private LocalWorkspace workspace;
    private DataQualitySource source;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("quality.duckdb"));
        try (Connection c = workspace.newConnection()) {
            BronzeFixture bronze = new BronzeFixture(c);
            A.forEach(m -> register(bronze, m, "_A"));
            B.forEach(m -> register(bronze, m, "_B"));
            // Spring, batch 1: A[0] and A[1] estimated at the initial run; A[2] misses three periods; A[3] sends one
            // negative reading; A[4] is delivered twice; B[1] estimated.
            for (int i = 0; i < A.size(); i++) {
                double[] values = BronzeFixture.day(SPRING, 0.1 * (i + 1));
                if (i == 2) {
                    values[10] = Double.NaN;
                    values[11] = Double.NaN;
                    values[45] = Double.NaN;
                }
                if (i == 3) {
                    values[5] = -1;
                }
                String type = i < 2 ? "estimated" : "actual";
                bronze.deliver(1, A.get(i), SPRING, values, 1, at(SPRING.plusDays(1)), type, "SF");
                if (i == 4) {
                    bronze.deliver(1, A.get(i), SPRING, values, 1, at(SPRING.plusDays(1)).plusHours(1), type, "SF");
                }
            }
            bronze.deliver(1, B.get(0), SPRING, BronzeFixture.day(SPRING, 0.5), 1, at(SPRING.plusDays(1)), "actual", "SF");
            bronze.deliver(1, B.get(1), SPRING, BronzeFixture.day(SPRING, 0.6), 1, at(SPRING.plusDays(1)), "estimated", "SF");
            // Autumn, batch 2: A[5] estimated, the rest actual.
            for (int i = 0; i < A.size(); i++) {
                bronze.deliver(2, A.get(i), AUTUMN, BronzeFixture.day(AUTUMN, 0.2 * (i + 1)), 1, at(AUTUMN.plusDays(1)),
                        i == 5 ? "estimated" : "actual", "SF");
            }
            B.forEach(m -> deliver(bronze, 2, m, AUTUMN, 0.3, 1, "actual", "SF"));
            run();
            // Batch 3, months after spring: R1 restates A[0] with actual reads (accepted behind the watermark); A[1]'s
            // correction from the initial run's feed is late and rejected.
            bronze.deliver(3, A.get(0), SPRING, BronzeFixture.day(SPRING, 0.15), 2, at(AUTUMN.plusDays(2)), "actual", "R1");
            bronze.deliver(3, A.get(1), SPRING, BronzeFixture.day(SPRING, 0.25), 2, at(AUTUMN.plusDays(2)), "actual", "SF");
            run();
        }
        source = new DataQualitySource(new LocalQueryEngine(workspace), QualityQueries.localWorkspace());
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void theSpringDayOwesFortySixPeriodsAMeterAndTheKnownEstimatesShow() {
        SettlementDayQuality a = byKey(PurposeRole.SETTLEMENT).get(SPRING + "_A");
        assertThat(a.periodsInDay()).isEqualTo(46);
        assertThat(a.meterDays()).isEqualTo(12);
        assertThat(a.periodsExpected()).isEqualTo(12 * 46);
        assertThat(a.periodsReceived()).isEqualTo(12 * 46 - 3);
        assertThat(a.periodsMissing()).isEqualTo(3);
        assertThat(a.periodsFlagged()).isEqualTo(1);
        // A[0] was restated with actuals by R1; A[1]'s correction was late, so its 46 estimates stand.
        assertThat(a.periodsEstimated()).isEqualTo(46);
        assertThat(a.meterDaysEstimated()).isEqualTo(1);
        assertThat(a.readingsLate()).isEqualTo(46);
        assertThat(a.duplicateDeliveries()).isEqualTo(1);
        assertThat(a.supersededVersions()).isEqualTo(1);
        assertThat(a.deliveries()).isEqualTo(12 + 1 + 2);
        assertThat(a.meetsTarget(ActualReadTarget.DEFAULT)).isFalse();
    }

    @Test
    void theAutumnDayOwesFiftyPeriodsAMeter() {
        SettlementDayQuality a = byKey(PurposeRole.SETTLEMENT).get(AUTUMN + "_A");
        assertThat(a.periodsInDay()).isEqualTo(50);
        assertThat(a.periodsExpected()).isEqualTo(600);
        assertThat(a.completeness()).isEqualTo(1.0);
        assertThat(a.periodsEstimated()).isEqualTo(50);
        SettlementDayQuality b = byKey(PurposeRole.SETTLEMENT).get(AUTUMN + "_B");
        assertThat(b.actualReadShare()).isEqualTo(1.0);
        assertThat(b.meetsTarget(ActualReadTarget.DEFAULT)).isTrue();
    }

    @Test
    void completenessAndActualShareEqualDirectSqlForEveryDayAndGroup() throws SQLException {
        List<SettlementDayQuality> rows = source.byDayAndGroup(PurposeRole.SETTLEMENT, BOTH);
        assertThat(rows).hasSize(4);
        for (SettlementDayQuality q : rows) {
            String where = " settlement_date = DATE '" + q.settlementDate() + "' AND gsp_group = '" + q.gspGroup() + "'";
            long received = WorkspaceSql.longOf(workspace, "SELECT count(*) FROM silver.hh_readings JOIN silver.meters "
                    + "USING (meter_id) WHERE" + where);
            long expected = WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT d.mpan) * any_value(s.periods) "
                    + "FROM bronze.hh_deliveries d JOIN silver.meters m USING (mpan) JOIN silver.settlement_days s "
                    + "USING (settlement_date) WHERE d." + where.strip().replace("gsp_group", "m.gsp_group"));
            double actualShare = WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh) FILTER (WHERE read_type = 'actual') "
                    + "/ sum(kwh) FROM silver.hh_readings JOIN silver.meters USING (meter_id) WHERE quality IS NULL AND"
                    + where);
            assertThat(q.completeness()).as(where).isCloseTo((double) received / expected, within(1e-12));
            assertThat(q.actualReadShare()).as(where).isCloseTo(actualShare, within(1e-12));
        }
    }

    @Test
    void researchSeesGroupsOfTenOrMoreAndNoMeters() {
        assertThat(source.byDayAndGroup(PurposeRole.RESEARCH, BOTH)).extracting(SettlementDayQuality::gspGroup)
                .containsOnly("_A").hasSize(2);
        assertThatThrownBy(() -> source.meterDays(PurposeRole.RESEARCH, SPRING, GspGroup.fromCode("_A")))
                .isInstanceOf(SourceException.class).hasMessageContaining("per GSP group only");
        assertThatThrownBy(() -> source.byDayAndGroup(PurposeRole.RECIPIENT, BOTH))
                .isInstanceOf(SourceException.class).hasMessageContaining("not among them");
    }

    @Test
    void theDrillDownListsTheMeterDaysThatFallShortUnderThePurposesKey() {
        List<MeterDayQuality> settlement = source.meterDays(PurposeRole.SETTLEMENT, SPRING, GspGroup.fromCode("_A"));
        // A[1] estimated, A[2] missing periods, A[3] flagged; the estimated one first (most energy off actual reads).
        assertThat(settlement).extracting(MeterDayQuality::meterKey).containsExactly(A.get(1), A.get(2), A.get(3));
        assertThat(settlement.get(0).actualReadShare()).isZero();
        assertThat(settlement.get(1).periodsMissing()).isEqualTo(3);
        List<MeterDayQuality> market = source.meterDays(PurposeRole.MARKET_MONITORING, SPRING, GspGroup.fromCode("_A"));
        assertThat(market).hasSize(3);
        assertThat(market).extracting(MeterDayQuality::meterKey)
                .allSatisfy(key -> assertThat(key).startsWith("P").hasSize(17))
                .noneMatch(A::contains);
    }

    private Map<String, SettlementDayQuality> byKey(PurposeRole role) {
        return source.byDayAndGroup(role, BOTH).stream()
                .collect(Collectors.toMap(q -> q.settlementDate() + q.gspGroup(), Function.identity()));
    }

    private void run() throws SQLException {
        try (Connection c = workspace.newConnection()) {
            new MedallionPipeline(c, workspace.pseudonyms()).run(Progress.NONE);
        }
    }

    private static List<String> meters(int distributor, int count) {
        List<String> mpans = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            mpans.add(Mpan.of(distributor, 1_000L + i).core());
        }
        return List.copyOf(mpans);
    }

    private static LocalDateTime at(LocalDate day) {
        return day.atTime(6, 0);
    }

    private static void register(BronzeFixture bronze, String mpan, String group) {
        try {
            bronze.register(mpan, group);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deliver(BronzeFixture bronze, int batch, String mpan, LocalDate day, double base, int version,
                                String type, String run) {
        try {
            bronze.deliver(batch, mpan, day, BronzeFixture.day(day, base), version, at(day.plusDays(1)), type, run);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
