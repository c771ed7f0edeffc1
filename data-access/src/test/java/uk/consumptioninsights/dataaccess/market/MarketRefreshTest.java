package uk.consumptioninsights.dataaccess.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.market.MarketFixtureServer.Answer;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

class MarketRefreshTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2024-11-05T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate AUTUMN = LocalDate.of(2024, 10, 27);
    private static final DayRange AROUND_AUTUMN = new DayRange(AUTUMN.minusDays(1), AUTUMN.plusDays(1));

    @TempDir
    Path dir;

    private MarketFixtureServer server;
    private LocalWorkspace workspace;

    @BeforeEach
    void start() throws Exception {
        server = new MarketFixtureServer();
        workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
    }

    @AfterEach
    void stop() throws Exception {
        workspace.close();
        server.close();
    }

    @Test
    void noRequestIsMadeUntilTheCallerAsks() throws Exception {
        MarketRefresh refresh = new MarketRefresh(workspace, server.settings(), NOW);
        MarketQueries queries = new MarketQueries(workspace);

        assertThat(queries.fuelMix(AROUND_AUTUMN).size()).isZero();
        assertThat(queries.intensity(AROUND_AUTUMN)).isEmpty();
        assertThat(queries.systemPrices(AROUND_AUTUMN)).isEmpty();
        assertThat(queries.anythingStale(AROUND_AUTUMN, MarketRefresh.all(), NOW.instant(), Duration.ofHours(1)))
                .isTrue();
        RefreshReport nothingAsked = refresh.refresh(AROUND_AUTUMN, Set.of(), Progress.NONE);

        assertThat(nothingAsked.outcomes()).isEmpty();
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aRefreshStoresEveryDatasetWithCompletenessAndASecondRefreshFetchesNothing() throws Exception {
        MarketRefresh refresh = new MarketRefresh(workspace, server.settings(), NOW);

        RefreshReport first = refresh.refresh(AROUND_AUTUMN, MarketRefresh.all(), Progress.NONE);

        assertThat(first.succeeded()).isTrue();
        int requests = server.requests.size();
        // FUELHH, demand, intensity, CI mix, NESO: one request each for the 3 days; prices one per day.
        assertThat(requests).isEqualTo(5 + 3);
        MarketQueries queries = new MarketQueries(workspace);
        assertThat(queries.completeness(MarketDataset.FUELHH, AROUND_AUTUMN)).extracting(
                DayCompleteness::periodsExpected, DayCompleteness::periodsReceived).containsExactly(
                org.assertj.core.groups.Tuple.tuple(48, 48), org.assertj.core.groups.Tuple.tuple(50, 50),
                org.assertj.core.groups.Tuple.tuple(48, 48));
        // The synthetic demand leaves each day's last period null: those days stay incomplete, and say so.
        assertThat(queries.completeness(MarketDataset.DEMAND_OUTTURN, AROUND_AUTUMN)).extracting(
                DayCompleteness::periodsReceived).containsExactly(47, 49, 47);
        assertThat(first.outcomes()).filteredOn(o -> o.dataset() == MarketDataset.DEMAND_OUTTURN).singleElement()
                .extracting(DatasetOutcome::daysStillIncomplete).isEqualTo(3);
        assertThat(count("market.fuel_generation")).isEqualTo((48 + 50 + 48) * SyntheticMarket.FUELS.size());
        assertThat(count("market.system_prices")).isEqualTo(48 + 50 + 48);

        RefreshReport second = refresh.refresh(AROUND_AUTUMN, EnumSet.complementOf(
                EnumSet.of(MarketDataset.DEMAND_OUTTURN)), Progress.NONE);

        assertThat(second.daysFetched()).isZero();
        assertThat(server.requests).hasSize(requests);
        assertThat(queries.anythingStale(AROUND_AUTUMN, EnumSet.complementOf(EnumSet.of(
                MarketDataset.DEMAND_OUTTURN)), NOW.instant(), Duration.ofHours(1))).isFalse();
        assertThat(queries.anythingStale(AROUND_AUTUMN, Set.of(MarketDataset.DEMAND_OUTTURN), NOW.instant(),
                Duration.ofHours(1))).isFalse();
        assertThat(queries.anythingStale(AROUND_AUTUMN, Set.of(MarketDataset.DEMAND_OUTTURN),
                NOW.instant().plus(Duration.ofHours(2)), Duration.ofHours(1))).isTrue();
        assertThat(queries.lastFetched(MarketDataset.FUELHH)).contains(NOW.instant());
        FuelMix mix = queries.fuelMix(AROUND_AUTUMN);
        assertThat(mix.fuels()).hasSize(SyntheticMarket.FUELS.size());
        for (int p = 0; p < mix.size(); p++) {
            double total = 0;
            for (int f = 0; f < mix.fuels().size(); f++) {
                assertThat(mix.mw(f, p)).isEqualTo((double) SyntheticMarket.generation(mix.periods().get(p),
                        SyntheticMarket.FUELS.indexOf(mix.fuels().get(f))));
                total += mix.percent(f, p);
            }
            assertThat(total).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void onlyIncompleteDaysAreFetchedAndNeverFutureOnes() throws Exception {
        MarketRefresh refresh = new MarketRefresh(workspace, server.settings(), NOW);
        refresh.refresh(DayRange.of(AUTUMN), Set.of(MarketDataset.SYSTEM_PRICES), Progress.NONE);
        server.requests.clear();

        RefreshReport report = refresh.refresh(new DayRange(AUTUMN.minusDays(1), LocalDate.of(2024, 11, 10)),
                Set.of(MarketDataset.SYSTEM_PRICES), Progress.NONE);

        // 26 Oct and 28 Oct to 5 Nov (today); 27 Oct is held; 6-10 Nov are in the future.
        assertThat(report.daysFetched()).isEqualTo(1 + 9);
        assertThat(server.requests).extracting(MarketFixtureServer.Request::path)
                .noneMatch(p -> p.endsWith("2024-10-27") || p.endsWith("2024-11-06"));
    }

    @Test
    void aRedeliveredFuelhhPeriodReplacesNotDoubles() throws Exception {
        MarketStore store = new MarketStore(workspace);
        ElexonClient client = new ElexonClient(server.settings());
        DayRange day = DayRange.of(AUTUMN);
        store.saveFuelGeneration(client.fuelGeneration(day, Progress.NONE), day, NOW.instant());
        String later = """
                {"data":[{"publishTime":"2024-10-28T09:00:00Z","startTime":"2024-10-27T01:00:00Z",
                  "settlementDate":"2024-10-27","settlementPeriod":5,"fuelType":"WIND","generation":99999}]}""";
        String older = later.replace("2024-10-28T09:00:00Z", "2024-10-26T09:00:00Z").replace("99999", "11111");

        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.json(later));
        store.saveFuelGeneration(client.fuelGeneration(day, Progress.NONE), day, NOW.instant());
        store.saveFuelGeneration(client.fuelGeneration(day, Progress.NONE), day, NOW.instant());
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.json(older));
        store.saveFuelGeneration(client.fuelGeneration(day, Progress.NONE), day, NOW.instant());

        assertThat(count("market.fuel_generation")).isEqualTo(50L * SyntheticMarket.FUELS.size());
        FuelMix mix = new MarketQueries(workspace).fuelMix(day);
        assertThat(mix.size()).isEqualTo(50);
        assertThat(mix.periods().get(4)).isEqualTo(new SettlementPeriod(AUTUMN, 5));
        // 01:00 GMT, the second 01:00 of the day, is period 5.
        assertThat(mix.periods().get(4).start()).isEqualTo(Instant.parse("2024-10-27T01:00:00Z"));
        assertThat(mix.mw("WIND", 4)).isEqualTo(99999.0);
        assertThat(mix.percent("INTFR", 0)).isZero();
        assertThat(mix.mw("INTFR", 0)).isNegative();
        assertThat(new MarketQueries(workspace).completeness(MarketDataset.FUELHH, day).get(0).complete()).isTrue();
    }

    @Test
    void storedPeriodsRoundTripToTheirInstantsOnBothClockChangeDays() throws Exception {
        DayRange both = new DayRange(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 3, 31));
        MarketRefresh refresh = new MarketRefresh(workspace, server.settings(), NOW);
        refresh.refresh(both, MarketRefresh.all(), Progress.NONE);
        refresh.refresh(DayRange.of(AUTUMN), MarketRefresh.all(), Progress.NONE);
        MarketQueries queries = new MarketQueries(workspace);

        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT settlement_date, settlement_period, interval_start_utc FROM market.fuel_generation
                     UNION ALL SELECT settlement_date, settlement_period, interval_start_utc FROM market.system_prices
                     UNION ALL SELECT settlement_date, settlement_period, interval_start_utc FROM market.demand_outturn
                     UNION ALL SELECT settlement_date, settlement_period, interval_start_utc FROM market.carbon_intensity
                     UNION ALL SELECT settlement_date, settlement_period, interval_start_utc
                               FROM market.generation_mix_measures""")) {
            int n = 0;
            while (rs.next()) {
                SettlementPeriod p = new SettlementPeriod(rs.getObject(1, LocalDate.class), rs.getInt(2));
                assertThat(p.start()).isEqualTo(rs.getObject(3, java.time.LocalDateTime.class)
                        .toInstant(ZoneOffset.UTC));
                n++;
            }
            assertThat(n).isGreaterThan(0);
        }
        assertThat(queries.systemPrices(both)).hasSize(46);
        assertThat(queries.systemPrices(DayRange.of(AUTUMN))).hasSize(50);
        assertThat(queries.intensity(DayRange.of(AUTUMN))).hasSize(50).allSatisfy(p -> {
            assertThat(p.actual()).isEqualTo(SyntheticMarket.intensityAt(p.period().start()));
            assertThat(p.zeroCarbonPercent()).isEqualTo(61.4);
        });
        assertThat(queries.fuelMix(both).size()).isEqualTo(46);
    }

    @Test
    void aCancelledRefreshStopsBeforeItsNextRequest() throws Exception {
        MarketRefresh refresh = new MarketRefresh(workspace, server.settings(), NOW);
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> refresh.refresh(AROUND_AUTUMN, MarketRefresh.all(), cancelled))
                .isInstanceOf(CancellationException.class);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void carbonAndImbalanceFiguresEqualADirectSqlComputation() throws Exception {
        new MarketRefresh(workspace, server.settings(), NOW).refresh(AROUND_AUTUMN,
                Set.of(MarketDataset.CARBON_INTENSITY, MarketDataset.SYSTEM_PRICES), Progress.NONE);
        List<SettlementPeriod> periods = new java.util.ArrayList<>();
        for (LocalDate d : AROUND_AUTUMN.dates()) {
            periods.addAll(uk.consumptioninsights.model.time.SettlementCalendar.periodsOf(d));
        }
        long[] seconds = new long[periods.size() + 1];
        double[] kwh = new double[periods.size() + 1];
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO gold.consumption_gsp_half_hourly VALUES " + String.join(",",
                    java.util.stream.IntStream.range(0, periods.size()).mapToObj(i -> {
                        SettlementPeriod p = periods.get(i);
                        seconds[i] = p.start().getEpochSecond();
                        kwh[i] = 0.2 + (i % 7) * 0.31;
                        return "('_J', DATE '" + p.settlementDate() + "', " + p.period() + ", TIMESTAMP '"
                                + p.start().toString().replace("T", " ").replace("Z", "") + "', 10, " + kwh[i] + ")";
                    }).toList()));
        }
        // One consumption period beyond the market data: uncovered, left out of both sums.
        seconds[periods.size()] = AROUND_AUTUMN.end().getEpochSecond() + 86_400;
        kwh[periods.size()] = 5;
        HalfHourlySeries consumption = new HalfHourlySeries(seconds, kwh);
        MarketQueries queries = new MarketQueries(workspace);

        var carbon = queries.carbonKg(consumption);
        var exposure = queries.imbalanceExposureGbp(consumption);

        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT sum(g.kwh_total * coalesce(ci.actual_g_per_kwh, ci.forecast_g_per_kwh)) / 1000,
                            sum(g.kwh_total / 1000 * sp.system_sell_price), count(*)
                     FROM gold.consumption_gsp_half_hourly g
                     JOIN market.carbon_intensity ci USING (interval_start_utc)
                     JOIN market.system_prices sp USING (interval_start_utc)""")) {
            rs.next();
            assertThat(carbon.total()).isCloseTo(rs.getDouble(1), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(exposure.total()).isCloseTo(rs.getDouble(2), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(carbon.periodsCovered()).isEqualTo(rs.getInt(3)).isEqualTo(48 + 50 + 48);
        }
        assertThat(carbon.periodsUncovered()).isEqualTo(1);
        assertThat(exposure.complete()).isFalse();
    }

    private long count(String table) throws Exception {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
