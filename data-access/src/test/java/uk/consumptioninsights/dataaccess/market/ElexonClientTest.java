package uk.consumptioninsights.dataaccess.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.market.MarketFixtureServer.Answer;
import uk.consumptioninsights.model.market.FuelShares;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

class ElexonClientTest {

    private static final LocalDate SPRING = LocalDate.of(2024, 3, 31);
    private static final LocalDate AUTUMN = LocalDate.of(2024, 10, 27);

    private MarketFixtureServer server;
    private ElexonClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MarketFixtureServer();
        client = new ElexonClient(server.settings());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordedAutumnFuelhhMapsEveryPeriodToItsStartTime() throws Exception {
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.recorded("elexon-fuelhh-autumn-clockchange.json"));

        List<FuelGeneration> rows = client.fuelGeneration(DayRange.of(AUTUMN), Progress.NONE);

        assertThat(rows).hasSize(12);
        assertPeriodsMatchStartTimes(rows, "elexon-fuelhh-autumn-clockchange.json");
        assertThat(rows.get(0).period()).isEqualTo(new SettlementPeriod(AUTUMN, 1));
        assertThat(rows.get(0).period().start()).isEqualTo(Instant.parse("2024-10-26T23:00:00Z"));
        assertThat(server.requests.get(0).query()).contains("settlementDateFrom=2024-10-27")
                .contains("settlementDateTo=2024-10-27").contains("format=json");
    }

    @Test
    void recordedSpringFuelhhMapsEveryPeriodToItsStartTime() throws Exception {
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.recorded("elexon-fuelhh-spring-clockchange.json"));

        List<FuelGeneration> rows = client.fuelGeneration(DayRange.of(SPRING), Progress.NONE);

        assertThat(rows).extracting(r -> r.period().period()).containsExactly(2, 3, 46);
        assertThat(rows).extracting(r -> r.period().start()).containsExactly(Instant.parse("2024-03-31T00:30:00Z"),
                Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-03-31T22:30:00Z"));
        assertPeriodsMatchStartTimes(rows, "elexon-fuelhh-spring-clockchange.json");
    }

    @Test
    void wholeClockChangeDaysOfFuelhhHave46And50PeriodsAtTheirInstants() {
        List<FuelGeneration> spring = client.fuelGeneration(DayRange.of(SPRING), Progress.NONE);
        List<FuelGeneration> autumn = client.fuelGeneration(DayRange.of(AUTUMN), Progress.NONE);

        assertThat(spring.stream().map(FuelGeneration::period).distinct()).hasSize(46);
        assertThat(autumn.stream().map(FuelGeneration::period).distinct()).hasSize(50);
        assertThat(autumn.get(autumn.size() - 1).period().start()).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(spring.get(spring.size() - 1).period().start()).isEqualTo(Instant.parse("2024-03-31T22:30:00Z"));
    }

    @Test
    void longRangesAreAskedForInChunksOfAWeek() {
        List<FuelGeneration> rows = client.fuelGeneration(new DayRange(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 20)), Progress.NONE);

        assertThat(server.requests).extracting(MarketFixtureServer.Request::query).allMatch(q -> q.contains(
                "format=json")).hasSize(3);
        assertThat(server.requests.get(2).param("settlementDateFrom")).isEqualTo("2024-01-15");
        assertThat(server.requests.get(2).param("settlementDateTo")).isEqualTo("2024-01-20");
        assertThat(rows).hasSize(20 * 48 * SyntheticMarket.FUELS.size());
    }

    @Test
    void interconnectorExportsStayNegativeAndCountAsNoShare() {
        List<FuelGeneration> rows = client.fuelGeneration(DayRange.of(LocalDate.of(2024, 1, 15)), Progress.NONE);

        FuelGeneration export = rows.stream().filter(r -> r.fuelType().equals("INTFR") && r.period().period() == 1)
                .findFirst().orElseThrow();
        assertThat(export.generationMw()).isNegative();
        var mw = new java.util.LinkedHashMap<String, Double>();
        rows.stream().filter(r -> r.period().period() == 1).forEach(r -> mw.put(r.fuelType(), r.generationMw()));
        var shares = FuelShares.percent(mw);
        assertThat(shares.get("INTFR")).isZero();
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aBareArrayAndAnyRfc3339OffsetAreRead() {
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.json("""
                [{"dataset":"FUELHH","publishTime":"2022-06-25T01:30:00.0000000+00:00",
                  "startTime":"2022-06-25T01:00:00.0000000+00:00","settlementDate":"2022-06-25","settlementPeriod":5,
                  "fuelType":"WIND","generation":5000},
                 {"dataset":"FUELHH","publishTime":"2022-06-25T02:30:00+01:00",
                  "startTime":"2022-06-25T02:30:00+01:00","settlementDate":"2022-06-25","settlementPeriod":6,
                  "fuelType":"WIND","generation":"5100"}]"""));

        List<FuelGeneration> rows = client.fuelGeneration(DayRange.of(LocalDate.of(2022, 6, 25)), Progress.NONE);

        assertThat(rows).extracting(FuelGeneration::period).containsExactly(
                new SettlementPeriod(LocalDate.of(2022, 6, 25), 5), new SettlementPeriod(LocalDate.of(2022, 6, 25), 6));
        assertThat(rows.get(1).generationMw()).isEqualTo(5100.0);
        assertThat(rows.get(1).publishTime()).isEqualTo(Instant.parse("2022-06-25T01:30:00Z"));
    }

    @Test
    void aRepeatedPublishOfOnePeriodKeepsTheLatestWhateverTheOrder() {
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.json("""
                {"data":[
                 {"publishTime":"2024-01-15T12:00:00Z","startTime":"2024-01-15T11:00:00Z","settlementDate":"2024-01-15",
                  "settlementPeriod":23,"fuelType":"CCGT","generation":7000},
                 {"publishTime":"2024-01-15T11:30:00Z","startTime":"2024-01-15T11:00:00Z","settlementDate":"2024-01-15",
                  "settlementPeriod":23,"fuelType":"CCGT","generation":6500}]}"""));

        List<FuelGeneration> rows = client.fuelGeneration(DayRange.of(LocalDate.of(2024, 1, 15)), Progress.NONE);

        assertThat(rows).singleElement().extracting(FuelGeneration::generationMw).isEqualTo(7000.0);
    }

    @Test
    void aRowWhoseSettlementDateDisagreesWithItsStartTimeIsFiledUnderItsStartTime() {
        // The historic pattern: SP48 labelled with the next day's date.
        server.always("/bmrs/api/v1/datasets/FUELHH", Answer.json("""
                {"data":[{"publishTime":"2021-09-21T23:00:00Z","startTime":"2021-09-21T22:30:00Z",
                  "settlementDate":"2021-09-22","settlementPeriod":48,"fuelType":"WIND","generation":1}]}"""));

        List<FuelGeneration> rows = client.fuelGeneration(DayRange.of(LocalDate.of(2021, 9, 22)), Progress.NONE);

        assertThat(rows).singleElement().extracting(FuelGeneration::period)
                .isEqualTo(new SettlementPeriod(LocalDate.of(2021, 9, 21), 48));
    }

    @Test
    void recordedSpringSystemPricesAre46PeriodsFromMidnightUtc() {
        server.always("/bmrs/api/v1/balancing/settlement/system-prices/2024-03-31",
                Answer.recorded("elexon-system-prices-spring-clockchange-day.json"));

        List<SystemPrice> prices = client.systemPrices(DayRange.of(SPRING), Progress.NONE);

        assertThat(prices).hasSize(46);
        assertThat(prices.get(0).period().start()).isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
        assertThat(prices.get(45).period()).isEqualTo(new SettlementPeriod(SPRING, 46));
        assertThat(prices.get(45).period().start()).isEqualTo(Instant.parse("2024-03-31T22:30:00Z"));
    }

    @Test
    void aFiftyPeriodSystemPriceDayEndsAt2330Utc() {
        List<SystemPrice> prices = client.systemPrices(DayRange.of(AUTUMN), Progress.NONE);

        assertThat(prices).hasSize(50);
        assertThat(prices).extracting(p -> p.period().period()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(prices.get(2).period().start()).isEqualTo(Instant.parse("2024-10-27T00:00:00Z"));
        assertThat(prices.get(49).period().start()).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(server.requests).singleElement().extracting(MarketFixtureServer.Request::path)
                .isEqualTo("/bmrs/api/v1/balancing/settlement/system-prices/2024-10-27");
    }

    @Test
    void recordedSingleSystemPricePeriodReadsItsPricesAndRun() {
        server.always("/bmrs/api/v1/balancing/settlement/system-prices/",
                Answer.recorded("elexon-system-prices-period.json"));

        List<SystemPrice> prices = client.systemPrices(DayRange.of(LocalDate.of(2024, 1, 15)), Progress.NONE);

        assertThat(prices).singleElement().satisfies(p -> {
            assertThat(p.period()).isEqualTo(new SettlementPeriod(LocalDate.of(2024, 1, 15), 35));
            assertThat(p.systemSellPrice()).isEqualTo(98.45);
            assertThat(p.systemBuyPrice()).isEqualTo(98.45);
            assertThat(p.createdTime()).isEqualTo(Instant.parse("2024-01-16T01:12:37Z"));
        });
    }

    @Test
    void recordedDemandOutturnWithMetadataEnvelope() {
        server.always("/bmrs/api/v1/demand/outturn", Answer.recorded("elexon-demand-outturn.json"));

        List<DemandOutturn> rows = client.demandOutturn(DayRange.of(LocalDate.of(2024, 1, 15)), Progress.NONE);

        assertThat(rows).extracting(r -> r.period().period()).containsExactly(34, 35, 36);
        assertThat(rows.get(0).nationalDemandMw()).isEqualTo(37420.0);
        assertThat(rows.get(0).transmissionDemandMw()).isEqualTo(40210.0);
        assertThat(rows.get(0).period().start()).isEqualTo(Instant.parse("2024-01-15T16:30:00Z"));
    }

    @Test
    void demandOnClockChangeDaysAndANullLatestPeriod() {
        List<DemandOutturn> spring = client.demandOutturn(DayRange.of(SPRING), Progress.NONE);
        List<DemandOutturn> autumn = client.demandOutturn(DayRange.of(AUTUMN), Progress.NONE);

        assertThat(spring).hasSize(46);
        assertThat(autumn).hasSize(50);
        assertThat(spring.get(2).period().start()).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(autumn.get(3).period().start()).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        assertThat(autumn.get(49).nationalDemandMw()).isNull();
        assertThat(autumn.get(49).transmissionDemandMw()).isNull();
    }

    private static void assertPeriodsMatchStartTimes(List<FuelGeneration> rows, String fixture) throws Exception {
        JsonNode data = new ObjectMapper().readTree(MarketFixtureServer.fixture(fixture)).get("data");
        for (JsonNode row : data) {
            SettlementPeriod period = new SettlementPeriod(LocalDate.parse(row.get("settlementDate").asText()),
                    row.get("settlementPeriod").asInt());
            assertThat(period.start()).isEqualTo(Instant.parse(row.get("startTime").asText()));
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.period()).isEqualTo(period);
                assertThat(r.fuelType()).isEqualTo(row.get("fuelType").asText());
                assertThat(r.generationMw()).isEqualTo(row.get("generation").asDouble());
            });
        }
    }
}
