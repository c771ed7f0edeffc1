package uk.consumptioninsights.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.time.SettlementCalendar;

class SettlementTicksTest {

    private static long start(LocalDate day) {
        return SettlementCalendar.dayStart(day).getEpochSecond();
    }

    private static List<String> labels(List<Long> ticks) {
        return ticks.stream().map(SettlementTicks::label).toList();
    }

    @Test
    void oneDayTicksOnSettlementPeriods() {
        LocalDate day = LocalDate.of(2026, 11, 21);
        List<Long> ticks = SettlementTicks.ticks(start(day), start(day.plusDays(1)), 8);

        assertThat(labels(ticks)).containsExactly("21 Nov SP1", "21 Nov SP7", "21 Nov SP13", "21 Nov SP19",
                "21 Nov SP25", "21 Nov SP31", "21 Nov SP37", "21 Nov SP43", "22 Nov SP1");
    }

    @Test
    void autumnClockChangeDayKeepsCountingPeriodsFromMidnight() {
        LocalDate day = LocalDate.of(2026, 10, 25);
        assertThat(SettlementCalendar.periodsIn(day)).isEqualTo(50);
        List<Long> ticks = SettlementTicks.ticks(start(day), start(day.plusDays(1)) - 1, 5);

        assertThat(labels(ticks)).containsExactly("25 Oct SP1", "25 Oct SP13", "25 Oct SP25", "25 Oct SP37", "25 Oct SP49");
    }

    @Test
    void summerTicksStartAtLondonMidnightNotUtc() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        List<Long> ticks = SettlementTicks.ticks(start(day), start(day.plusDays(3)), 4);

        assertThat(ticks.get(0)).isEqualTo(Instant.parse("2026-05-31T23:00:00Z").getEpochSecond());
        assertThat(labels(ticks)).containsExactly("1 Jun SP1", "2 Jun SP1", "3 Jun SP1", "4 Jun SP1");
    }

    @Test
    void longRangesTickOnDaysAndNeverExceedTheBudget() {
        LocalDate first = LocalDate.of(2026, 8, 1);
        List<Long> ticks = SettlementTicks.ticks(start(first), start(first.plusDays(90)), 10);

        assertThat(ticks).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(labels(ticks)).allMatch(label -> label.endsWith(" SP1"));
    }
}
