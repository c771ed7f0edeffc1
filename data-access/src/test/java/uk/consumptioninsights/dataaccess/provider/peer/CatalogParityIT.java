package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.quality.DataQualitySource;
import uk.consumptioninsights.dataaccess.quality.QualityQueries;
import uk.consumptioninsights.dataaccess.workspace.LocalQueryEngine;
import uk.consumptioninsights.model.settlement.SettlementDayQuality;
import uk.consumptioninsights.dataaccess.query.ConsumptionQueries;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * Every query of the catalog, through the real databricks-jdbc driver against the Spark + Delta peer, gives the same
 * answers as on the local DuckDB workspace holding the same data. The data spans the October clock change (a
 * 50-period settlement day).
 */
@Tag("provider-peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogParityIT {

    private static final DateRange ALL = PeerGold.ALL;
    private static final DateRange CLOCK_CHANGE = new DateRange(PeerGold.LONG_DAY, PeerGold.LONG_DAY);

    private LocalWorkspace workspace;
    private WorkspaceConsumptionSource local;
    private WarehouseConsumptionSource warehouse;
    private PeerRuntime runtime;
    private final Set<String> comparedQueries = new TreeSet<>();

    @BeforeAll
    void sameDataOnBoth() throws Exception {
        PeerGold gold = PeerGold.shared();
        workspace = gold.workspace();
        runtime = gold.runtime();
        local = new WorkspaceConsumptionSource(workspace);
        warehouse = new WarehouseConsumptionSource(runtime.goldConnector());
    }

    @AfterAll
    void close() {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    /** Every catalog statement, cell by cell, on both engines; and every statement of the catalog is among them. */
    @Test
    void everyCatalogStatementGivesTheSameRowsOnBothEngines() throws Exception {
        ConsumptionQueries duck = ConsumptionQueries.localWorkspace();
        ConsumptionQueries databricks = warehouse.queries();
        assertThat(databricks.dialect()).isInstanceOf(SqlDialect.DatabricksSql.class);
        int statements = 0;
        try (Connection localConnection = workspace.newConnection(); Connection peer = runtime.goldConnector().open()) {
            for (PurposeRole role : PurposeRole.values()) {
                for (Pair pair : statementsFor(role, duck, databricks)) {
                    List<List<Object>> expected = rows(localConnection, pair.local());
                    List<List<Object>> actual = rows(peer, pair.warehouse());
                    assertSameRows(role + " " + pair.local().name() + " " + pair.local().parameters(), expected, actual);
                    comparedQueries.add(pair.local().name());
                    statements++;
                }
            }
        }
        System.out.printf("%d catalog statements compared, covering %s%n", statements, comparedQueries);
        assertThat(comparedQueries).containsAll(catalogQueryNames(duck));
    }

    /** The sources' own reading code gives equal values from either engine (drivers differ in types). */
    @Test
    void sourcesAnswerAlikeForEveryRole() {
        for (PurposeRole role : PurposeRole.values()) {
            assertThat(warehouse.availableRange(role)).as(role.name()).isEqualTo(local.availableRange(role));
            assertSameKpis(local.overview(role, ALL), warehouse.overview(role, ALL));
            assertSameKpis(local.overview(role, CLOCK_CHANGE), warehouse.overview(role, CLOCK_CHANGE));
            assertThat(warehouse.gspGroups(role)).isEqualTo(local.gspGroups(role));
            assertThat(warehouse.meters(role)).isEqualTo(local.meters(role));
            assertThat(warehouse.findMeters(role, new MeterSearch("1"), 5)).isEqualTo(local.findMeters(role, new MeterSearch("1"), 5));
            assertThat(warehouse.meterCount(role)).isEqualTo(local.meterCount(role)).isEqualTo(local.meters(role).size());
            assertSameSeries(local.consumption(role, new SeriesScope.AllMeters(), ALL, SeriesResolution.forPoints(ALL, 200)),
                    warehouse.consumption(role, new SeriesScope.AllMeters(), ALL, SeriesResolution.forPoints(ALL, 200)));
            assertSameListing(local.anomalies(role, ALL), warehouse.anomalies(role, ALL));
        }
    }

    /**
     * The data quality catalog, per day and group for every purpose that sees it and the drill-down to meter-days for
     * those that see meters, gives the same rows on both engines, and the model's figures read alike.
     */
    @Test
    void dataQualityStatementsGiveTheSameRowsOnBothEngines() throws Exception {
        QualityQueries duck = QualityQueries.localWorkspace();
        QualityQueries databricks = new QualityQueries(new SqlDialect.DatabricksSql(),
                WarehouseConsumptionSource.namespace(runtime.goldConnector().settings()));
        DataQualitySource localQuality = new DataQualitySource(new LocalQueryEngine(workspace), duck);
        // The group of the long day with the most estimated readings, so the drill-down has meter-days to list.
        SettlementDayQuality worst = localQuality.byDayAndGroup(PurposeRole.SETTLEMENT, CLOCK_CHANGE).stream()
                .max(java.util.Comparator.comparingLong(SettlementDayQuality::periodsEstimated)).orElseThrow();
        assertThat(worst.periodsInDay()).isEqualTo(50);
        assertThat(worst.periodsEstimated()).as("the synthetic fleet has estimates on the long day").isPositive();
        GspGroup group = GspGroup.fromCode(worst.gspGroup());
        int compared = 0;
        try (Connection localConnection = workspace.newConnection(); Connection peer = runtime.goldConnector().open()) {
            for (PurposeRole role : List.of(PurposeRole.SETTLEMENT, PurposeRole.MARKET_MONITORING, PurposeRole.RESEARCH)) {
                List<Pair> pairs = new ArrayList<>(List.of(
                        new Pair(duck.byDayAndGroup(role, ALL), databricks.byDayAndGroup(role, ALL))));
                if (!duck.views(role).groupsOnly()) {
                    pairs.add(new Pair(duck.meterDays(role, PeerGold.LONG_DAY, group),
                            databricks.meterDays(role, PeerGold.LONG_DAY, group)));
                }
                for (Pair pair : pairs) {
                    List<List<Object>> expected = rows(localConnection, pair.local());
                    assertThat(expected).as(role + " " + pair.local().name()).isNotEmpty();
                    assertSameRows(role + " " + pair.local().name(), expected, rows(peer, pair.warehouse()));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(5);
    }

    @Test
    void theLongSettlementDayHasFiftyHalfHoursOnTheWarehouse() {
        GspGroup group = warehouse.gspGroups(PurposeRole.SETTLEMENT).get(0);
        ConsumptionSeries day = warehouse.consumption(PurposeRole.SETTLEMENT, new SeriesScope.OneGspGroup(group), CLOCK_CHANGE);
        assertThat(day.series().size()).isEqualTo(50);
    }

    @Test
    void researchOnTheWarehouseSeesAggregatesOnly() {
        assertThat(warehouse.meters(PurposeRole.RESEARCH)).isEmpty();
        AnomalyListing listing = warehouse.anomalies(PurposeRole.RESEARCH, ALL);
        assertThat(listing).isInstanceOf(AnomalyListing.Counts.class);
        assertThat(listing.isEmpty()).as("the research summary has counts to show").isFalse();
        assertThatThrownBy(() -> warehouse.consumption(PurposeRole.RESEARCH, new SeriesScope.OneMeter("x", "x"), ALL))
                .isInstanceOf(SourceException.class).hasMessageContaining("aggregates only");
        List<String> rawMpans = local.meters(PurposeRole.SETTLEMENT).stream().map(MeterChoice::key).toList();
        String research = warehouse.anomalies(PurposeRole.RESEARCH, ALL).toString()
                + warehouse.gspGroups(PurposeRole.RESEARCH) + warehouse.overview(PurposeRole.RESEARCH, ALL);
        assertThat(rawMpans).isNotEmpty().noneMatch(research::contains);
        assertThat(warehouse.overview(PurposeRole.RESEARCH, ALL).distinctMeters()).isPositive();
    }

    private record Pair(SqlQuery local, SqlQuery warehouse) {
    }

    private List<Pair> statementsFor(PurposeRole role, ConsumptionQueries duck, ConsumptionQueries databricks) {
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair(duck.availableRange(role), databricks.availableRange(role)));
        pairs.add(new Pair(duck.overview(role, ALL), databricks.overview(role, ALL)));
        pairs.add(new Pair(duck.overview(role, CLOCK_CHANGE), databricks.overview(role, CLOCK_CHANGE)));
        pairs.add(new Pair(duck.anomalies(role, ALL), databricks.anomalies(role, ALL)));
        pairs.add(new Pair(duck.gspGroups(role), databricks.gspGroups(role)));
        List<SeriesScope> scopes = new ArrayList<>(List.of(new SeriesScope.AllMeters()));
        List<GspGroup> groups = local.gspGroups(role);
        if (!groups.isEmpty()) {
            scopes.add(new SeriesScope.OneGspGroup(groups.get(groups.size() - 1)));
        }
        if (!role.aggregatesOnly()) {
            pairs.add(new Pair(duck.meters(role), databricks.meters(role)));
            pairs.add(new Pair(duck.meterCount(role), databricks.meterCount(role)));
            String meter = local.meters(role).get(3).key();
            GspGroup group = local.meters(role).get(3).gspGroup();
            for (MeterSearch search : List.of(MeterSearch.all(), new MeterSearch(meter.substring(0, 4).toLowerCase()),
                    new MeterSearch(group.code()), new MeterSearch("_%"))) {
                pairs.add(new Pair(duck.findMeters(role, search, 7), databricks.findMeters(role, search, 7)));
            }
            scopes.add(new SeriesScope.OneMeter(meter, meter));
        }
        for (SeriesScope scope : scopes) {
            for (SeriesResolution resolution : List.of(SeriesResolution.HALF_HOURLY, SeriesResolution.forPoints(ALL, 120))) {
                pairs.add(new Pair(duck.consumption(role, scope, ALL, resolution),
                        databricks.consumption(role, scope, ALL, resolution)));
            }
        }
        pairs.add(new Pair(duck.consumption(role, scopes.get(0), CLOCK_CHANGE, SeriesResolution.HALF_HOURLY),
                databricks.consumption(role, scopes.get(0), CLOCK_CHANGE, SeriesResolution.HALF_HOURLY)));
        return pairs;
    }

    /** The names of every statement the catalog can build, found by calling each public SqlQuery method. */
    private static Set<String> catalogQueryNames(ConsumptionQueries queries) throws Exception {
        Set<String> names = new TreeSet<>();
        for (Method method : ConsumptionQueries.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getReturnType() == SqlQuery.class) {
                Object[] args = Arrays.stream(method.getParameterTypes()).map(CatalogParityIT::sampleArgument).toArray();
                names.add(((SqlQuery) method.invoke(queries, args)).name());
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(7);
        return names;
    }

    private static Object sampleArgument(Class<?> type) {
        if (type == PurposeRole.class) {
            return PurposeRole.SETTLEMENT;
        }
        if (type == DateRange.class) {
            return ALL;
        }
        if (type == SeriesScope.class) {
            return new SeriesScope.AllMeters();
        }
        if (type == SeriesResolution.class) {
            return SeriesResolution.HALF_HOURLY;
        }
        if (type == MeterSearch.class) {
            return MeterSearch.all();
        }
        if (type == int.class) {
            return MeterSearch.PAGE;
        }
        throw new IllegalArgumentException("No sample for " + type);
    }

    private static List<List<Object>> rows(Connection connection, SqlQuery query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            JdbcParameters.bind(ps, query);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static void assertSameRows(String what, List<List<Object>> expected, List<List<Object>> actual) {
        assertThat(actual).as(what + ": row count").hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            List<Object> e = expected.get(r);
            List<Object> a = actual.get(r);
            assertThat(a).as(what + ": columns of row " + r).hasSameSizeAs(e);
            for (int c = 0; c < e.size(); c++) {
                Object ev = e.get(c);
                Object av = a.get(c);
                String cell = what + " row " + r + " column " + (c + 1);
                if (ev instanceof Number en && av instanceof Number an) {
                    double x = en.doubleValue();
                    assertThat(an.doubleValue()).as(cell).isCloseTo(x, within(Math.max(1e-9, Math.abs(x) * 1e-12)));
                } else if (ev == null || av == null) {
                    assertThat(av).as(cell).isEqualTo(ev);
                } else {
                    assertThat(av.toString()).as(cell).isEqualTo(ev.toString());
                }
            }
        }
        assertThat(expected).as(what + " compares something").isNotNull();
    }

    private static void assertSameKpis(OverviewKpis expected, OverviewKpis actual) {
        assertThat(actual.distinctMeters()).isEqualTo(expected.distinctMeters());
        assertThat(actual.readings()).isEqualTo(expected.readings());
        assertThat(actual.latestReadingStart()).isEqualTo(expected.latestReadingStart());
        assertThat(actual.totalKwh()).isCloseTo(expected.totalKwh(), within(Math.abs(expected.totalKwh()) * 1e-12 + 1e-9));
        assertThat(actual.provenance().rowsRead()).isEqualTo(expected.provenance().rowsRead());
    }

    private static void assertSameSeries(ConsumptionSeries expected, ConsumptionSeries actual) {
        assertThat(actual.resolution()).isEqualTo(expected.resolution());
        assertThat(actual.series().size()).isEqualTo(expected.series().size());
        assertThat(actual.provenance().rowsRead()).isEqualTo(expected.provenance().rowsRead());
        for (int i = 0; i < expected.series().size(); i++) {
            assertThat(actual.series().epochSecondAt(i)).isEqualTo(expected.series().epochSecondAt(i));
            double kwh = expected.series().kwhAt(i);
            assertThat(actual.series().kwhAt(i)).isCloseTo(kwh, within(Math.abs(kwh) * 1e-12 + 1e-9));
        }
    }

    private static void assertSameListing(AnomalyListing expected, AnomalyListing actual) {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        Map<String, Object> e = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        if (expected instanceof AnomalyListing.Detections d) {
            d.rows().forEach(row -> e.put(row.anomalyId(), row));
            ((AnomalyListing.Detections) actual).rows().forEach(row -> a.put(row.anomalyId(), row));
        } else {
            e.put("counts", ((AnomalyListing.Counts) expected).counts());
            a.put("counts", ((AnomalyListing.Counts) actual).counts());
        }
        assertThat(a).isEqualTo(e);
        assertThat(e.keySet().stream().collect(Collectors.toList())).isNotEmpty();
    }
}
