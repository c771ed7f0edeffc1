package uk.consumptioninsights.dataaccess.octopus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.sharing.http.RetryPolicy;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.tariff.UnitRate;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

/** The API client alone against the loopback fixture: shapes, clock changes and refusals. */
class OctopusApiTest {

    private static final String KEY = "sk_live_ApiTestKey0123456789abcdef";
    private static final OctopusMeter METER = OctopusMeter.of(OctopusApiFixture.MPAN, OctopusApiFixture.SERIAL);

    private OctopusApiFixture fixture;
    private OctopusApi api;

    @BeforeEach
    void start() throws Exception {
        fixture = new OctopusApiFixture(KEY);
        api = api(KEY);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private OctopusApi api(String key) {
        return new OctopusApi(OctopusSettings.defaults().withApiBase(fixture.base()).withPageSizes(9, 3)
                .withRetry(RetryPolicy.none()), new ProviderSecret(key), (d, p) -> { }, Clock.systemUTC());
    }

    @Test
    void theSpringClockChangeDayHasFortySixPeriodsEachAtItsInstant() {
        LocalDate spring = LocalDate.of(2024, 3, 31);
        Instant start = SettlementCalendar.dayStart(spring);
        Instant end = SettlementCalendar.dayStart(spring.plusDays(1));
        fixture.holdReadings(start.minus(Duration.ofHours(2)), end.plus(Duration.ofHours(2)));

        List<ConsumptionInterval> day = api.consumption(METER, start, Optional.of(end), Progress.NONE);

        assertEquals(46, day.size());
        for (int i = 0; i < day.size(); i++) {
            SettlementPeriod period = SettlementCalendar.periodOf(day.get(i).start());
            assertEquals(new SettlementPeriod(spring, i + 1), period);
            assertEquals(SettlementCalendar.periodStart(spring, i + 1), day.get(i).start());
        }
        // 00:30Z is 00:30 GMT; the next half-hour, 01:00Z, is written 02:00+01:00.
        assertEquals(Instant.parse("2024-03-31T01:00:00Z"), day.get(2).start());
    }

    @Test
    void theAutumnClockChangeDayHasFiftyDistinctPeriods() {
        LocalDate autumn = LocalDate.of(2024, 10, 27);
        fixture.holdReadings(SettlementCalendar.dayStart(autumn), SettlementCalendar.dayStart(autumn.plusDays(1)));

        List<ConsumptionInterval> day = api.consumption(METER, SettlementCalendar.dayStart(autumn), Optional.empty(),
                Progress.NONE);

        assertEquals(50, day.size());
        assertEquals(50, day.stream().map(ConsumptionInterval::start).distinct().count());
        assertEquals(new SettlementPeriod(autumn, 50), SettlementCalendar.periodOf(day.get(49).start()));
    }

    @Test
    void unitRatesListedNewestFirstOnSeveralPagesComeBackOldestFirst() {
        List<UnitRate> rates = api.standardUnitRates(new TariffCode(OctopusApiFixture.TARIFF),
                Instant.parse("2024-12-01T16:00:00Z"), Instant.parse("2024-12-01T18:00:00Z"), Progress.NONE);

        assertEquals(4, rates.size());
        assertEquals(2, fixture.requests().size(), "page size 3: two pages");
        assertEquals(Instant.parse("2024-12-01T16:00:00Z"), rates.get(0).validFrom());
        assertEquals(33.7575, rates.get(0).pencePerKwhIncVat(), 1e-12);
        assertEquals(Optional.of(Instant.parse("2024-12-01T18:00:00Z")), rates.get(3).validTo());
    }

    @Test
    void theMeterPointGivesTheGspGroup() {
        assertEquals(GspGroup.J, api.gspGroup(METER.mpan(), Progress.NONE));
    }

    @Test
    void aNextLinkToAnotherPortOfTheSameHostIsRefusedToo() {
        fixture.fail(new OctopusApiFixture.Status(200, "{\"count\":2,\"next\":\"http://127.0.0.1:1/v1/x/?page=2\","
                + "\"previous\":null,\"results\":[]}"), 1);

        OctopusException refused = assertThrows(OctopusException.class, () -> api.consumption(METER,
                Instant.parse("2024-10-27T00:00:00Z"), Optional.empty(), Progress.NONE));

        assertEquals(OctopusException.Kind.LINK_REFUSED, refused.kind());
        assertEquals(1, fixture.requests().size());
    }

    @Test
    void aReadingThatIsNotAHalfHourIsRefusedAsNotTheApisShape() {
        fixture.fail(new OctopusApiFixture.Status(200, "{\"count\":1,\"next\":null,\"previous\":null,\"results\":["
                + "{\"consumption\":1.2,\"interval_start\":\"2024-10-27T00:00:00+01:00\","
                + "\"interval_end\":\"2024-10-27T01:00:00+01:00\"}]}"), 1);

        OctopusException refused = assertThrows(OctopusException.class, () -> api.consumption(METER,
                Instant.parse("2024-10-26T22:00:00Z"), Optional.empty(), Progress.NONE));

        assertEquals(OctopusException.Kind.PROTOCOL, refused.kind());
        assertTrue(refused.getMessage().contains("not a settlement half-hour"), refused.getMessage());
    }

    @Test
    void aKeyNoOctopusKeyCouldBeIsRefusedWithoutQuotingIt() {
        String pasted = "sk_live_Pasted:WithColon";
        OctopusException refused = assertThrows(OctopusException.class, () -> api(pasted));
        assertEquals(OctopusException.Kind.KEY_REFUSED, refused.kind());
        assertFalse(refused.getMessage().contains(pasted));
        assertEquals(0, fixture.requests().size());
    }

    @Test
    void theTariffCodeNamesItsProduct() {
        assertEquals("AGILE-24-10-01", new TariffCode("e-1r-agile-24-10-01-j").productCode());
        assertThrows(IllegalArgumentException.class, () -> new TariffCode("G-1R-AGILE-24-10-01-J"));
        assertThrows(IllegalArgumentException.class, () -> OctopusMeter.of(OctopusApiFixture.MPAN, "21E/../x"));
    }
}
