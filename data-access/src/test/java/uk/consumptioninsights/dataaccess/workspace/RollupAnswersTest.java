package uk.consumptioninsights.dataaccess.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.query.PurposeViews;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.work.Progress;

/**
 * Issue 12: every question the catalog now answers from a rollup (dates, overview, all meters, one GSP group, the
 * meter and group lists) gives exactly what the same question asked of the role's per-meter view gives, on a workspace
 * whose settlement days include a 46- and a 50-period day and whose feeds delivered late and superseded readings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupAnswersTest {

    /** 2026-03-29 has 46 periods, 2026-10-25 has 50 (Europe/London clock changes). */
    private static final LocalDate SHORT_DAY = LocalDate.of(2026, 3, 29);
    private static final LocalDate LONG_DAY = LocalDate.of(2026, 10, 25);
    private static final double TOLERANCE = 1e-9;

    private LocalWorkspace workspace;
    private WorkspaceConsumptionSource source;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("rollups.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(12L, 40, SHORT_DAY.minusDays(3), LONG_DAY.plusDays(2), 0.1),
                InjectionRates.defaults()).build(workspace, Progress.NONE);
        source = new WorkspaceConsumptionSource(workspace);
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void theWorkspaceHasTheDaysAndTheFeedsTheComparisonNeeds() throws SQLException {
        assertThat(WorkspaceSql.longOf(workspace, "SELECT periods FROM silver.settlement_days WHERE settlement_date = DATE '"
                + SHORT_DAY + "'")).isEqualTo(46);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT periods FROM silver.settlement_days WHERE settlement_date = DATE '"
                + LONG_DAY + "'")).isEqualTo(50);
        assertThat(WorkspaceSql.longOf(workspace, "SELECT sum(readings_late) FROM silver.pipeline_runs")).isPositive();
        assertThat(WorkspaceSql.longOf(workspace, "SELECT sum(readings_superseded) FROM silver.pipeline_runs")).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = PurposeRole.class, names = {"SETTLEMENT", "MARKET_MONITORING", "RECIPIENT"})
    void datesOverviewAndListsEqualThePerMeterView(PurposeRole role) throws SQLException {
        String view = PurposeViews.of(role).halfHourly();
        String meter = PurposeViews.of(role).meterColumn();
        DateRange range = source.availableRange(role);
        assertThat(range).isEqualTo(new DateRange(
                LocalDate.parse(WorkspaceSql.strings(workspace, "SELECT min(settlement_date)::VARCHAR FROM " + view).get(0)),
                LocalDate.parse(WorkspaceSql.strings(workspace, "SELECT max(settlement_date)::VARCHAR FROM " + view).get(0))));

        for (DateRange asked : List.of(range, new DateRange(SHORT_DAY, SHORT_DAY), new DateRange(LONG_DAY, LONG_DAY),
                new DateRange(SHORT_DAY.plusDays(40), SHORT_DAY.plusDays(52)))) {
            OverviewKpis kpis = source.overview(role, asked);
            String where = " WHERE settlement_date BETWEEN DATE '" + asked.from() + "' AND DATE '" + asked.to() + "'";
            assertThat(kpis.distinctMeters()).as("meters %s", asked)
                    .isEqualTo(WorkspaceSql.longOf(workspace, "SELECT count(DISTINCT " + meter + ") FROM " + view + where));
            assertThat(kpis.readings()).as("readings %s", asked)
                    .isEqualTo(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM " + view + where)).isPositive();
            assertThat(kpis.totalKwh()).as("kWh %s", asked).isCloseTo(
                    WorkspaceSql.doubleOf(workspace, "SELECT sum(kwh) FROM " + view + where),
                    org.assertj.core.data.Percentage.withPercentage(TOLERANCE));
            assertThat(kpis.latestReadingStart().getEpochSecond()).as("latest %s", asked)
                    .isEqualTo(WorkspaceSql.longOf(workspace, "SELECT epoch(max(interval_start_utc))::BIGINT FROM " + view + where));
        }
        assertThat(source.meters(role)).extracting(MeterChoice::key).containsExactlyElementsOf(
                WorkspaceSql.strings(workspace, "SELECT " + meter + " FROM (SELECT DISTINCT " + meter + ", gsp_group FROM "
                        + view + ") ORDER BY gsp_group, 1"));
        assertThat(source.gspGroups(role)).extracting(GspGroup::code).containsExactlyElementsOf(
                WorkspaceSql.strings(workspace, "SELECT DISTINCT gsp_group FROM " + view + " ORDER BY 1"));
    }

    @ParameterizedTest
    @EnumSource(value = PurposeRole.class, names = {"SETTLEMENT", "MARKET_MONITORING", "RECIPIENT"})
    void theMeterSearchFindsByKeyPrefixAndGroupAPageAtATime(PurposeRole role) {
        List<MeterChoice> all = source.meters(role);
        assertThat(source.findMeters(role, MeterSearch.all(), 1000)).isEqualTo(all);
        assertThat(source.findMeters(role, MeterSearch.all(), 7)).isEqualTo(all.subList(0, 7));

        MeterChoice one = all.get(all.size() / 2);
        String prefix = one.key().substring(0, one.key().length() - 2).toLowerCase(java.util.Locale.ROOT);
        List<MeterChoice> byPrefix = source.findMeters(role, new MeterSearch(" " + prefix + " "), 1000);
        assertThat(byPrefix).contains(one).allMatch(m -> m.key().toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                .isEqualTo(all.stream().filter(m -> m.key().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)).toList());

        GspGroup group = one.gspGroup();
        assertThat(source.findMeters(role, new MeterSearch(group.code().toLowerCase(java.util.Locale.ROOT)), 1000))
                .contains(one).isEqualTo(all.stream().filter(m -> m.gspGroup() == group).toList());
        // LIKE's wildcards are text here, not patterns.
        assertThat(source.findMeters(role, new MeterSearch("%"), 1000)).isEmpty();
        assertThat(source.findMeters(role, new MeterSearch("_%"), 1000)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PurposeRole.class, names = {"SETTLEMENT", "MARKET_MONITORING", "RECIPIENT"})
    void allMeterAndGroupSeriesEqualThePerMeterViewHalfHourlyAndSummed(PurposeRole role) throws SQLException {
        String view = PurposeViews.of(role).halfHourly();
        DateRange clockChanges = new DateRange(SHORT_DAY.minusDays(1), SHORT_DAY.plusDays(1));
        DateRange autumn = new DateRange(LONG_DAY.minusDays(1), LONG_DAY.plusDays(1));
        List<SeriesScope> scopes = new ArrayList<>();
        scopes.add(new SeriesScope.AllMeters());
        source.gspGroups(role).forEach(g -> scopes.add(new SeriesScope.OneGspGroup(g)));
        for (SeriesScope scope : scopes) {
            String filter = scope instanceof SeriesScope.OneGspGroup g ? " AND gsp_group = '" + g.group().code() + "'" : "";
            for (DateRange range : List.of(clockChanges, autumn)) {
                ConsumptionSeries halfHourly = source.consumption(role, scope, range);
                Map<Long, Double> expected = perMeterView(view, range, filter, 1800);
                assertSameSeries(halfHourly, expected, scope + " half-hourly " + range);
            }
            DateRange all = source.availableRange(role);
            SeriesResolution daily = new SeriesResolution(48);
            ConsumptionSeries summed = source.consumption(role, scope, all, daily);
            assertSameSeries(summed, perMeterViewBucketed(view, all, filter, daily), scope + " daily points");
        }
        // The clock changes are in the answers: 46 + 48 + 48 half-hours around the spring one, 48 + 50 + 48 in autumn.
        assertThat(source.consumption(role, new SeriesScope.AllMeters(), clockChanges).series().size()).isEqualTo(142);
        assertThat(source.consumption(role, new SeriesScope.AllMeters(), autumn).series().size()).isEqualTo(146);
    }

    private Map<Long, Double> perMeterView(String view, DateRange range, String filter, long width) throws SQLException {
        return series("SELECT epoch(interval_start_utc)::BIGINT AS t, sum(kwh) FROM " + view
                + " WHERE settlement_date BETWEEN ? AND ?" + filter + " GROUP BY 1 ORDER BY 1", range);
    }

    private Map<Long, Double> perMeterViewBucketed(String view, DateRange range, String filter, SeriesResolution resolution)
            throws SQLException {
        long origin = SettlementCalendar.dayStart(range.from()).getEpochSecond();
        long width = resolution.bucketSeconds();
        return series("SELECT " + origin + " + floor((epoch(interval_start_utc)::BIGINT - " + origin + ") / " + width + ")::BIGINT * "
                + width + " AS t, sum(kwh) FROM " + view + " WHERE settlement_date BETWEEN ? AND ?" + filter
                + " GROUP BY 1 ORDER BY 1", range);
    }

    private Map<Long, Double> series(String sql, DateRange range) throws SQLException {
        Map<Long, Double> points = new LinkedHashMap<>();
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, range.from());
            ps.setObject(2, range.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return points;
    }

    private static void assertSameSeries(ConsumptionSeries actual, Map<Long, Double> expected, String what) {
        assertThat(actual.series().size()).as(what + " points").isEqualTo(expected.size()).isPositive();
        int i = 0;
        for (Map.Entry<Long, Double> point : expected.entrySet()) {
            assertThat(actual.series().epochSecondAt(i)).as(what + " time").isEqualTo(point.getKey());
            assertThat(actual.series().kwhAt(i)).as(what + " kWh at " + point.getKey())
                    .isCloseTo(point.getValue(), org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(point.getValue()))));
            i++;
        }
    }
}
