package uk.consumptioninsights.model.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitRatePricingTest {

    private static final Instant T0 = Instant.parse("2024-12-01T16:00:00Z");

    private static UnitRate halfHour(int index, double incVat) {
        Instant from = T0.plusSeconds(1800L * index);
        return new UnitRate(from, Optional.of(from.plusSeconds(1800)), incVat / 1.05, incVat);
    }

    @Test
    void eachHalfHourIsChargedAtTheRateInForceAtItsStart() {
        // Newest first, as the API lists them.
        UnitRatePricing pricing = new UnitRatePricing(List.of(halfHour(1, 35.28), halfHour(0, 33.7575)));
        CostLine line = pricing.price(List.of(new HalfHourUsage(T0, 0.5), new HalfHourUsage(T0.plusSeconds(1800), 2.0)));
        assertEquals(2, line.periods().size());
        assertEquals(0.5 * 33.7575, line.periods().get(0).costPence(), 1e-9);
        assertEquals(2.0 * 35.28, line.periods().get(1).costPence(), 1e-9);
        assertEquals(0.5 * 33.7575 + 2.0 * 35.28, line.totalPence(), 1e-9);
        assertEquals(List.of(), line.unpriced());
    }

    @Test
    void halfHoursWithoutARateAreListedNotChargedAtZero() {
        UnitRatePricing pricing = new UnitRatePricing(List.of(halfHour(0, 30)));
        Instant before = T0.minusSeconds(1800);
        Instant after = T0.plusSeconds(1800);
        CostLine line = pricing.price(List.of(new HalfHourUsage(before, 1), new HalfHourUsage(T0, 1),
                new HalfHourUsage(after, 1)));
        assertEquals(1, line.periods().size());
        assertEquals(List.of(before, after), line.unpriced());
        assertEquals(30, line.totalPence(), 1e-9);
    }

    @Test
    void anOpenEndedRateAppliesUntilANewerRateStarts() {
        UnitRate variable = new UnitRate(T0.minusSeconds(86_400), Optional.empty(), 20, 21);
        UnitRate newer = new UnitRate(T0.plusSeconds(3600), Optional.empty(), 24, 25.2);
        CostLine line = new UnitRatePricing(List.of(newer, variable)).price(List.of(new HalfHourUsage(T0, 1),
                new HalfHourUsage(T0.plusSeconds(7200), 1)));
        assertEquals(21, line.periods().get(0).pencePerKwh(), 1e-9);
        assertEquals(25.2, line.periods().get(1).pencePerKwh(), 1e-9);
    }

    @Test
    void aRateMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new UnitRate(T0, Optional.of(T0), 1, 1.05));
    }
}
