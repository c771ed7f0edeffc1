package uk.consumptioninsights.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettlementCalendarTest {

    /** gb-domain.md §1.3, plus an ordinary winter and summer day. */
    @ParameterizedTest(name = "{0}: {1} periods")
    @CsvSource({
            "2024-03-31, 46, 2024-03-31T00:00:00Z, 2024-03-31T00:30:00Z, 2024-03-31T01:00:00Z, 2024-03-31T01:30:00Z, 2024-03-31T22:30:00Z",
            "2024-10-27, 50, 2024-10-26T23:00:00Z, 2024-10-26T23:30:00Z, 2024-10-27T00:00:00Z, 2024-10-27T00:30:00Z, 2024-10-27T23:30:00Z",
            "2025-03-30, 46, 2025-03-30T00:00:00Z, 2025-03-30T00:30:00Z, 2025-03-30T01:00:00Z, 2025-03-30T01:30:00Z, 2025-03-30T22:30:00Z",
            "2025-10-26, 50, 2025-10-25T23:00:00Z, 2025-10-25T23:30:00Z, 2025-10-26T00:00:00Z, 2025-10-26T00:30:00Z, 2025-10-26T23:30:00Z",
            "2026-03-29, 46, 2026-03-29T00:00:00Z, 2026-03-29T00:30:00Z, 2026-03-29T01:00:00Z, 2026-03-29T01:30:00Z, 2026-03-29T22:30:00Z",
            "2026-10-25, 50, 2026-10-24T23:00:00Z, 2026-10-24T23:30:00Z, 2026-10-25T00:00:00Z, 2026-10-25T00:30:00Z, 2026-10-25T23:30:00Z",
            "2027-03-28, 46, 2027-03-28T00:00:00Z, 2027-03-28T00:30:00Z, 2027-03-28T01:00:00Z, 2027-03-28T01:30:00Z, 2027-03-28T22:30:00Z",
            "2027-10-31, 50, 2027-10-30T23:00:00Z, 2027-10-30T23:30:00Z, 2027-10-31T00:00:00Z, 2027-10-31T00:30:00Z, 2027-10-31T23:30:00Z",
            "2026-01-15, 48, 2026-01-15T00:00:00Z, 2026-01-15T00:30:00Z, 2026-01-15T01:00:00Z, 2026-01-15T01:30:00Z, 2026-01-15T23:30:00Z",
            "2026-07-01, 48, 2026-06-30T23:00:00Z, 2026-06-30T23:30:00Z, 2026-07-01T00:00:00Z, 2026-07-01T00:30:00Z, 2026-07-01T22:30:00Z"})
    void matchesTheGoldenTable(LocalDate date, int periods, Instant sp1, Instant sp2, Instant sp3, Instant sp4,
                               Instant lastStart) {
        assertThat(SettlementCalendar.periodsIn(date)).isEqualTo(periods);
        assertThat(SettlementCalendar.dayStart(date)).isEqualTo(sp1);
        assertThat(SettlementCalendar.periodStart(date, 1)).isEqualTo(sp1);
        assertThat(SettlementCalendar.periodStart(date, 2)).isEqualTo(sp2);
        assertThat(SettlementCalendar.periodStart(date, 3)).isEqualTo(sp3);
        assertThat(SettlementCalendar.periodStart(date, 4)).isEqualTo(sp4);
        assertThat(SettlementCalendar.periodStart(date, periods)).isEqualTo(lastStart);
        assertThat(SettlementCalendar.periodStart(date.plusDays(1), 1)).isEqualTo(lastStart.plusSeconds(1800));

        List<SettlementPeriod> all = SettlementCalendar.periodsOf(date);
        assertThat(all).hasSize(periods);
        assertThat(all.get(0)).isEqualTo(new SettlementPeriod(date, 1));
        assertThat(all.get(periods - 1).start()).isEqualTo(lastStart);
    }

    @Test
    void mapsMaySixthPeriodEightToHalfPastTwoUtc() {
        LocalDate date = LocalDate.parse("2026-05-06");
        Instant start = Instant.parse("2026-05-06T02:30:00Z");

        assertThat(SettlementCalendar.periodStart(date, 8)).isEqualTo(start);
        assertThat(SettlementCalendar.periodOf(start)).isEqualTo(new SettlementPeriod(date, 8));
    }

    @Test
    void roundTripsEveryPeriodFrom2024To2027() {
        Instant expectedStart = SettlementCalendar.dayStart(LocalDate.parse("2024-01-01"));
        int periodsChecked = 0;
        for (LocalDate date = LocalDate.parse("2024-01-01"); !date.isAfter(LocalDate.parse("2027-12-31"));
                date = date.plusDays(1)) {
            int periods = SettlementCalendar.periodsIn(date);
            assertThat(periods).isIn(46, 48, 50);
            for (int period = 1; period <= periods; period++) {
                Instant start = SettlementCalendar.periodStart(date, period);
                // The periods tile the timeline with no gaps or overlaps.
                assertThat(start).isEqualTo(expectedStart);
                assertThat(SettlementCalendar.periodOf(start)).isEqualTo(new SettlementPeriod(date, period));
                expectedStart = start.plusSeconds(1800);
                periodsChecked++;
            }
        }
        // 1461 days; the 4 short spring days and 4 long autumn days cancel out.
        assertThat(periodsChecked).isEqualTo(1461 * 48);
    }

    @Test
    void floorsInstantsInsideAPeriod() {
        LocalDate date = LocalDate.parse("2026-05-06");

        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-05-06T02:44:59.999Z")))
                .isEqualTo(new SettlementPeriod(date, 8));
        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-05-06T02:45:00Z")))
                .isEqualTo(new SettlementPeriod(date, 8));
        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-05-06T02:59:59Z")))
                .isEqualTo(new SettlementPeriod(date, 8));
        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-05-06T03:00:00Z")))
                .isEqualTo(new SettlementPeriod(date, 9));
    }

    @Test
    void bstInstantsBeforeUtcMidnightBelongToTheNextSettlementDay() {
        // FUELINST start 23:55Z on a BST day falls in SP2 of the next local day.
        Instant lateEvening = Instant.parse("2026-05-06T23:55:00Z");

        assertThat(SettlementCalendar.settlementDate(lateEvening)).isEqualTo(LocalDate.parse("2026-05-07"));
        assertThat(SettlementCalendar.periodOf(lateEvening)).isEqualTo(new SettlementPeriod(LocalDate.parse("2026-05-07"), 2));
    }

    @Test
    void autumnDayGivesDistinctPeriodsForTheRepeatedHour() {
        LocalDate autumn = LocalDate.parse("2026-10-25");

        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-10-25T00:00:00Z")).period()).isEqualTo(3);
        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-10-25T01:00:00Z")).period()).isEqualTo(5);
        assertThat(SettlementCalendar.periodOf(Instant.parse("2026-10-25T23:30:00Z")))
                .isEqualTo(new SettlementPeriod(autumn, 50));
    }

    @Test
    void acceptsPeriods47And48ButRejects49OnAnOrdinaryDay() {
        // gb-domain.md §1.5 says "SP47-50 exist only on autumn days"; only SP49-50 do. SP47-48 are missing on spring days.
        LocalDate ordinary = LocalDate.parse("2026-01-15");

        assertThat(SettlementCalendar.periodStart(ordinary, 47)).isEqualTo(Instant.parse("2026-01-15T23:00:00Z"));
        assertThat(SettlementCalendar.periodStart(ordinary, 48)).isEqualTo(Instant.parse("2026-01-15T23:30:00Z"));
        assertThatThrownBy(() -> SettlementCalendar.periodStart(ordinary, 49))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Settlement period 49 is not valid on 2026-01-15, which has 48 periods");
    }

    @Test
    void rejectsPeriod47OnASpringDay() {
        assertThatThrownBy(() -> SettlementCalendar.periodStart(LocalDate.parse("2026-03-29"), 47))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Settlement period 47 is not valid on 2026-03-29, which has 46 periods");
        assertThatThrownBy(() -> SettlementCalendar.periodStart(LocalDate.parse("2026-03-29"), 49))
                .hasMessage("Settlement period 49 is not valid on 2026-03-29, which has 46 periods");
    }

    @Test
    void rejectsPeriodZeroAndNegative() {
        assertThatThrownBy(() -> SettlementCalendar.periodStart(LocalDate.parse("2026-01-15"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettlementCalendar.periodStart(LocalDate.parse("2026-01-15"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsOfIsUnmodifiable() {
        List<SettlementPeriod> periods = SettlementCalendar.periodsOf(LocalDate.parse("2026-01-15"));

        assertThatThrownBy(periods::clear).isInstanceOf(UnsupportedOperationException.class);
    }
}
