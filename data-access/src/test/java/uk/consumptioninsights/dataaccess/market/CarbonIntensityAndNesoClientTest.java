package uk.consumptioninsights.dataaccess.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.market.MarketFixtureServer.Answer;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

class CarbonIntensityAndNesoClientTest {

    private static final LocalDate JUNE = LocalDate.of(2024, 6, 1);
    private static final LocalDate SPRING = LocalDate.of(2024, 3, 31);
    private static final LocalDate AUTUMN = LocalDate.of(2024, 10, 27);

    private MarketFixtureServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MarketFixtureServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordedIntensityRangeIsAskedForByLondonDayInMinutePrecision() {
        server.always("/ci/intensity/", Answer.recorded("carbon-intensity-range.json"));

        List<CarbonIntensity> rows = new CarbonIntensityClient(server.settings()).intensity(DayRange.of(JUNE),
                Progress.NONE);

        assertThat(server.requests).singleElement().extracting(MarketFixtureServer.Request::path)
                .isEqualTo("/ci/intensity/2024-05-31T23:00Z/2024-06-01T23:00Z");
        assertThat(rows).extracting(CarbonIntensity::period).startsWith(new SettlementPeriod(JUNE, 24));
        assertThat(rows.get(0).period().start()).isEqualTo(Instant.parse("2024-06-01T10:30:00Z"));
        assertThat(rows.get(1).forecast()).isEqualTo(88);
        assertThat(rows.get(1).actual()).isEqualTo(86);
        assertThat(rows.get(1).index()).isEqualTo("low");
    }

    @Test
    void theHalfHourEndingAtFromIsDroppedAndANullActualKept() {
        server.always("/ci/intensity/", Answer.json("""
                {"data":[
                 {"from":"2024-05-31T22:30Z","to":"2024-05-31T23:00Z","intensity":{"forecast":1,"actual":1,"index":"low"}},
                 {"from":"2024-05-31T23:00Z","to":"2024-05-31T23:30Z","intensity":{"forecast":90,"actual":null,"index":"low"}},
                 {"from":"2024-05-31T23:00Z","to":"2024-05-31T23:30Z","intensity":{"forecast":91,"actual":null,"index":"low"}}]}"""));

        List<CarbonIntensity> rows = new CarbonIntensityClient(server.settings()).intensity(DayRange.of(JUNE),
                Progress.NONE);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo(new SettlementPeriod(JUNE, 1));
            assertThat(r.forecast()).isEqualTo(91);
            assertThat(r.actual()).isNull();
        });
    }

    @Test
    void intensityOnClockChangeDaysHas46And50PeriodsAtTheirInstants() {
        CarbonIntensityClient client = new CarbonIntensityClient(server.settings());

        List<CarbonIntensity> spring = client.intensity(DayRange.of(SPRING), Progress.NONE);
        List<CarbonIntensity> autumn = client.intensity(DayRange.of(AUTUMN), Progress.NONE);

        assertThat(spring).extracting(r -> r.period().period()).containsExactlyElementsOf(range(46));
        assertThat(autumn).extracting(r -> r.period().period()).containsExactlyElementsOf(range(50));
        assertThat(spring.get(2).period().start()).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(autumn.get(0).period().start()).isEqualTo(Instant.parse("2024-10-26T23:00:00Z"));
        assertThat(autumn.get(49).period().start()).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        for (CarbonIntensity r : autumn) {
            assertThat(r.actual()).isEqualTo(SyntheticMarket.intensityAt(r.period().start()));
        }
    }

    @Test
    void generationMixReadsTheArrayAndTheSingleObjectShapes() {
        server.always("/ci/generation/", Answer.recorded("carbon-intensity-generation-range.json"));
        server.always("/ci/generation", Answer.recorded("carbon-intensity-generation-current.json"));
        CarbonIntensityClient client = new CarbonIntensityClient(server.settings());

        List<PeriodMeasure> range = client.generationMix(DayRange.of(JUNE), Progress.NONE);
        List<PeriodMeasure> current = client.currentGenerationMix(Progress.NONE);

        assertThat(range.stream().map(PeriodMeasure::period).distinct()).isNotEmpty();
        assertThat(range).allSatisfy(m -> assertThat(m.period().settlementDate()).isEqualTo(JUNE));
        assertThat(current).hasSize(9);
        Map<String, Double> byFuel = current.stream().collect(Collectors.toMap(PeriodMeasure::measure,
                PeriodMeasure::value));
        assertThat(byFuel).containsEntry("solar", 31.8).containsEntry("wind", 20.7);
        assertThat(current.get(0).period().start()).isEqualTo(Instant.parse("2024-06-01T11:30:00Z"));
    }

    @Test
    void recordedNesoSqlAnswerGivesEveryPublishedColumnOfEachHalfHour() {
        server.always("/api/3/action/datastore_search_sql",
                Answer.recorded("neso-generation-mix-datastore-search-sql.json"));

        List<PeriodMeasure> measures = new NesoGenerationMixClient(server.settings()).generationMix(DayRange.of(JUNE),
                Progress.NONE);

        String sql = server.requests.get(0).param("sql");
        assertThat(sql).contains("FROM \"" + NesoGenerationMixClient.RESOURCE_ID + "\"")
                .contains("\"DATETIME\" >= '2024-05-31T23:00:00'").contains("\"DATETIME\" < '2024-06-01T23:00:00'")
                .doesNotContain("*");
        // DATETIME is UTC: 11:00Z is 12:00 BST, period 25.
        assertThat(measures).anySatisfy(m -> {
            assertThat(m.period()).isEqualTo(new SettlementPeriod(JUNE, 25));
            assertThat(m.measure()).isEqualTo("ZERO_CARBON_perc");
        });
        assertThat(measures.stream().map(PeriodMeasure::period).distinct()).hasSize(3);
        assertThat(measures).noneMatch(m -> m.measure().startsWith("_") || m.measure().equals("DATETIME"));
    }

    @Test
    void recordedNesoSearchAnswerIsPagedByItsNextLink() {
        String page = MarketFixtureServer.fixture("neso-generation-mix-datastore-search.json")
                .replace("\"total\": 1", "\"total\": 2");
        server.on("/api/3/action/datastore_search", r -> r.query().contains("offset=5")
                ? Answer.json(page.replace("\"DATETIME\": \"2024-06-01T12:00:00\"",
                        "\"DATETIME\": \"2024-06-01T11:30:00\""))
                : Answer.json(page));

        List<PeriodMeasure> measures = new NesoGenerationMixClient(server.settings()).latest(2, Progress.NONE);

        assertThat(server.count("/datastore_search")).isEqualTo(2);
        assertThat(server.requests.get(1).path()).isEqualTo("/api/3/action/datastore_search");
        assertThat(measures.stream().map(PeriodMeasure::period).distinct()).containsExactly(
                new SettlementPeriod(JUNE, 27), new SettlementPeriod(JUNE, 26));
        assertThat(measures).filteredOn(m -> m.period().period() == 27 && m.measure().equals("GAS"))
                .singleElement().extracting(PeriodMeasure::value).isEqualTo(3742.0);
    }

    @Test
    void nesoNumbersSentAsTextAndClockChangeDaysMapThroughTheCalendar() {
        NesoGenerationMixClient client = new NesoGenerationMixClient(server.settings());

        List<PeriodMeasure> spring = client.generationMix(DayRange.of(SPRING), Progress.NONE);
        List<PeriodMeasure> autumn = client.generationMix(DayRange.of(AUTUMN), Progress.NONE);

        assertThat(spring.stream().map(PeriodMeasure::period).distinct()).hasSize(46);
        assertThat(autumn.stream().map(PeriodMeasure::period).distinct()).hasSize(50);
        assertThat(autumn).filteredOn(m -> m.measure().equals("GAS")).allSatisfy(m ->
                assertThat(m.value()).isEqualTo(3742.0));
        assertThat(autumn).filteredOn(m -> m.measure().equals("CARBON_INTENSITY") && m.period().period() == 4)
                .singleElement().extracting(PeriodMeasure::value)
                .isEqualTo((double) SyntheticMarket.intensityAt(Instant.parse("2024-10-27T00:30:00Z")) - 10);
    }

    @Test
    void nesoRequestsAreSpacedAsNesoAsks() {
        List<java.time.Duration> waits = new java.util.ArrayList<>();
        MarketSettings spaced = server.settings().withRetries(server.settings().retryPolicy(),
                (d, p) -> waits.add(d), java.time.Duration.ofSeconds(30));

        new NesoGenerationMixClient(spaced).generationMix(new DayRange(JUNE, JUNE.plusDays(40)), Progress.NONE);

        assertThat(server.count("/datastore_search_sql")).isEqualTo(2);
        assertThat(waits).containsExactly(java.time.Duration.ofSeconds(30));
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }
}
