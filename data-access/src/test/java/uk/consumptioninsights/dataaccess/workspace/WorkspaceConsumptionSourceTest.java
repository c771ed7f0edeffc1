package uk.consumptioninsights.dataaccess.workspace;

import uk.consumptioninsights.dataaccess.query.PurposeViews;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceConsumptionSourceTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 20);

    private LocalWorkspace workspace;
    private WorkspaceConsumptionSource source;
    private DateRange all;
    private List<String> rawMpans;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("q.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(5L, 150, LAST.minusDays(9), LAST, 0.05), InjectionRates.defaults())
                .build(workspace, Progress.NONE);
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            // One detection, as a detector would write it, to check what each role may see of it.
            st.execute("""
                    INSERT INTO gold.anomalies
                    SELECT 'A-1', mpan, gsp_group, 'theft', 'high', 0.93, DATE '2026-11-15', TIMESTAMP '2026-11-15 10:00:00',
                           TIMESTAMP '2026-11-16 10:00:00', 12.0, 3.5, 'Consumption fell to 30% of its usual level', 'test',
                           TIMESTAMP '2026-11-21 00:00:00', 0.8
                    FROM gold.meters ORDER BY mpan LIMIT 1""");
        }
        source = new WorkspaceConsumptionSource(workspace);
        all = new DateRange(LAST.minusDays(9), LAST);
        rawMpans = WorkspaceSql.strings(workspace, "SELECT mpan FROM gold.meters");
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void describesItselfAsTheLocalWorkspace() {
        assertThat(source.descriptor().kind()).isEqualTo(SourceKind.LOCAL_WORKSPACE);
        assertThat(source.descriptor().name()).contains("150 meters");
        assertThat(source.descriptor().location()).endsWith("q.duckdb");
        assertThat(source.availableRange(PurposeRole.SETTLEMENT)).isEqualTo(all);
    }

    @ParameterizedTest
    @EnumSource(value = PurposeRole.class, names = {"SETTLEMENT", "MARKET_MONITORING", "RECIPIENT"})
    void perMeterRolesSeeTheSameTotalsAsADirectQueryOfTheirView(PurposeRole role) throws SQLException {
        OverviewKpis kpis = source.overview(role, all);
        String view = PurposeViews.of(role).halfHourly();
        String key = PurposeViews.of(role).meterColumn();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(DISTINCT " + key + "), sum(kwh), count(*), epoch_ms(max(interval_start_utc)) FROM " + view)) {
            rs.next();
            assertThat(kpis.distinctMeters()).isEqualTo(rs.getLong(1)).isEqualTo(150);
            assertThat(kpis.totalKwh()).isCloseTo(rs.getDouble(2), within(1e-6));
            assertThat(kpis.readings()).isEqualTo(rs.getLong(3));
            assertThat(kpis.latestReadingStart()).isEqualTo(Instant.ofEpochMilli(rs.getLong(4)));
        }
        // Answered from the GSP-group rollup: one row per group and half-hour, far fewer than the readings.
        String rollup = PurposeViews.of(role).groupHalfHourly();
        assertThat(kpis.provenance().relation()).isEqualTo(rollup);
        assertThat(kpis.provenance().rowsRead()).isEqualTo(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM " + rollup))
                .isLessThan(kpis.readings() / 5);
    }

    @Test
    void researchSeesOnlyGroupsOfTheMinimumSize() throws SQLException {
        OverviewKpis research = source.overview(PurposeRole.RESEARCH, all);
        OverviewKpis settlement = source.overview(PurposeRole.SETTLEMENT, all);
        long metersInLargeGroups = WorkspaceSql.longOf(workspace, "SELECT sum(n) FROM (SELECT count(*) n FROM gold.meters GROUP BY gsp_group HAVING count(*) >= 10)");
        double kwhInLargeGroups = WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh) FROM gold.consumption_half_hourly WHERE gsp_group IN "
                + "(SELECT gsp_group FROM gold.meters GROUP BY gsp_group HAVING count(*) >= 10)");
        assertThat(research.distinctMeters()).isEqualTo(metersInLargeGroups).isLessThan(settlement.distinctMeters());
        assertThat(research.totalKwh()).isCloseTo(kwhInLargeGroups, within(1e-6));
        assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.meters GROUP BY gsp_group ORDER BY 1 LIMIT 1")).as("some group is small").isLessThan(10);
        assertThat(source.gspGroups(PurposeRole.RESEARCH)).hasSizeLessThan(source.gspGroups(PurposeRole.SETTLEMENT).size());
    }

    @Test
    void seriesForAGroupAndForOneMeterMatchDirectSums() throws SQLException {
        GspGroup group = source.gspGroups(PurposeRole.SETTLEMENT).get(0);
        ConsumptionSeries groupSeries = source.consumption(PurposeRole.SETTLEMENT, new SeriesScope.OneGspGroup(group), all);
        assertThat(groupSeries.series().totalKwh()).isCloseTo(
                WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh) FROM gold.consumption_half_hourly WHERE gsp_group = '" + group.code() + "'"), within(1e-6));
        assertThat(groupSeries.series().size()).isEqualTo(10 * 48);

        MeterChoice meter = source.meters(PurposeRole.SETTLEMENT).get(3);
        ConsumptionSeries meterSeries = source.consumption(PurposeRole.SETTLEMENT, new SeriesScope.OneMeter(meter.key(), meter.label()), all);
        assertThat(meterSeries.series().totalKwh()).isCloseTo(
                WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh) FROM gold.consumption_half_hourly WHERE mpan = '" + meter.key() + "'"), within(1e-6));

        MeterChoice pseudonymous = source.meters(PurposeRole.MARKET_MONITORING).get(3);
        ConsumptionSeries sameMeter = source.consumption(PurposeRole.MARKET_MONITORING,
                new SeriesScope.OneMeter(pseudonymous.key(), pseudonymous.label()), all);
        assertThat(sameMeter.series().totalKwh()).isPositive();
    }

    @Test
    void aDateRangeLimitsEverything() {
        DateRange oneDay = new DateRange(LAST, LAST);
        assertThat(source.overview(PurposeRole.SETTLEMENT, oneDay).readings()).isEqualTo(150L * 48);
        assertThat(source.consumption(PurposeRole.RESEARCH, new SeriesScope.AllMeters(), oneDay).series().size()).isEqualTo(48);
    }

    @Test
    void userValuesAreBoundNotSpliced() {
        ConsumptionSeries series = source.consumption(PurposeRole.SETTLEMENT,
                new SeriesScope.OneMeter("x' OR '1'='1", "attempt"), all);
        assertThat(series.series().isEmpty()).isTrue();
    }

    @Test
    void aggregateOnlyRolesCannotChartOneMeter() {
        assertThat(source.meters(PurposeRole.RESEARCH)).isEmpty();
        assertThatThrownBy(() -> source.consumption(PurposeRole.RESEARCH, new SeriesScope.OneMeter(rawMpans.get(0), "m"), all))
                .isInstanceOf(SourceException.class).hasMessageContaining("aggregates only");
    }

    @Test
    void onlyTheSettlementRoleEverSeesARawMpan() {
        assertThat(source.meters(PurposeRole.SETTLEMENT)).extracting(MeterChoice::label).containsAll(rawMpans);
        for (PurposeRole role : List.of(PurposeRole.MARKET_MONITORING, PurposeRole.RESEARCH, PurposeRole.RECIPIENT)) {
            List<String> seen = new ArrayList<>();
            source.meters(role).forEach(m -> {
                seen.add(m.key());
                seen.add(m.label());
            });
            AnomalyListing anomalies = source.anomalies(role, all);
            seen.add(anomalies.toString());
            seen.add(source.descriptor().toString());
            assertThat(seen).as(role.name()).allSatisfy(text -> assertThat(rawMpans).noneMatch(text::contains));
        }
    }

    @Test
    void anomaliesAreShownAsEachRoleMaySeeThem() {
        AnomalyListing settlement = source.anomalies(PurposeRole.SETTLEMENT, all);
        assertThat(settlement).isInstanceOf(AnomalyListing.Detections.class);
        assertThat(((AnomalyListing.Detections) settlement).rows()).singleElement()
                .satisfies(row -> assertThat(rawMpans).contains(row.meterLabel()));
        AnomalyListing market = source.anomalies(PurposeRole.MARKET_MONITORING, all);
        assertThat(((AnomalyListing.Detections) market).rows()).singleElement()
                .satisfies(row -> assertThat(row.meterLabel()).startsWith("P").hasSize(17));
        AnomalyListing research = source.anomalies(PurposeRole.RESEARCH, all);
        assertThat(((AnomalyListing.Counts) research).counts()).singleElement()
                .satisfies(count -> assertThat(count.count()).isEqualTo(1));
        assertThat(source.anomalies(PurposeRole.SETTLEMENT, new DateRange(LAST.minusDays(9), LAST.minusDays(8))).isEmpty()).isTrue();
    }



}
