package uk.consumptioninsights.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SettlementPeriodTest {

    private static final LocalDate SPRING = LocalDate.parse("2026-03-29");
    private static final LocalDate AUTUMN = LocalDate.parse("2026-10-25");
    private static final LocalDate SUMMER = LocalDate.parse("2026-07-01");
    private static final LocalDate WINTER = LocalDate.parse("2026-01-15");

    @Test
    void validatesAgainstTheNumberOfPeriodsInTheDay() {
        assertThatThrownBy(() -> new SettlementPeriod(WINTER, 49))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Settlement period 49 is not valid on 2026-01-15, which has 48 periods");
        assertThat(new SettlementPeriod(WINTER, 48).period()).isEqualTo(48);
        assertThatThrownBy(() -> new SettlementPeriod(SPRING, 47))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("which has 46 periods");
        assertThatThrownBy(() -> new SettlementPeriod(WINTER, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementPeriod(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(new SettlementPeriod(AUTUMN, 50).period()).isEqualTo(50);
    }

    @Test
    void startAndEndAreHalfAnHourApart() {
        SettlementPeriod period = new SettlementPeriod(SUMMER, 1);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-06-30T23:30:00Z"));
        assertThat(period.end()).isEqualTo(period.next().start());
    }

    @Test
    void labelsDistinguishTheTwoOneOClocksOfAnAutumnDay() {
        List<String> labels = SettlementCalendar.periodsOf(AUTUMN).stream()
                .map(SettlementPeriod::localLabel).collect(Collectors.toList());

        assertThat(labels.subList(0, 8)).containsExactly(
                "00:00 BST", "00:30 BST", "01:00 BST", "01:30 BST", "01:00 GMT", "01:30 GMT", "02:00 GMT", "02:30 GMT");
        assertThat(labels.get(49)).isEqualTo("23:30 GMT");
        assertThat(labels).doesNotHaveDuplicates();
    }

    @Test
    void labelsSkipTheMissingHourOfASpringDay() {
        List<String> labels = SettlementCalendar.periodsOf(SPRING).stream()
                .map(SettlementPeriod::localLabel).collect(Collectors.toList());

        assertThat(labels.subList(0, 4)).containsExactly("00:00 GMT", "00:30 GMT", "02:00 BST", "02:30 BST");
        assertThat(labels.get(45)).isEqualTo("23:30 BST");
    }

    @Test
    void labelsOrdinaryDaysInTheirOwnZone() {
        assertThat(new SettlementPeriod(WINTER, 35).localLabel()).isEqualTo("17:00 GMT");
        assertThat(new SettlementPeriod(SUMMER, 35).localLabel()).isEqualTo("17:00 BST");
    }

    @Test
    void nextCrossesDaysIncludingClockChanges() {
        assertThat(new SettlementPeriod(WINTER, 1).next()).isEqualTo(new SettlementPeriod(WINTER, 2));
        assertThat(new SettlementPeriod(WINTER, 48).next()).isEqualTo(new SettlementPeriod(WINTER.plusDays(1), 1));
        assertThat(new SettlementPeriod(SPRING, 46).next()).isEqualTo(new SettlementPeriod(SPRING.plusDays(1), 1));
        assertThat(new SettlementPeriod(AUTUMN, 48).next()).isEqualTo(new SettlementPeriod(AUTUMN, 49));
        assertThat(new SettlementPeriod(AUTUMN, 50).next()).isEqualTo(new SettlementPeriod(AUTUMN.plusDays(1), 1));
    }

    @Test
    void previousUndoesNext() {
        assertThat(new SettlementPeriod(AUTUMN.plusDays(1), 1).previous()).isEqualTo(new SettlementPeriod(AUTUMN, 50));
        assertThat(new SettlementPeriod(SPRING.plusDays(1), 1).previous()).isEqualTo(new SettlementPeriod(SPRING, 46));
        SettlementPeriod period = new SettlementPeriod(SUMMER, 20);
        assertThat(period.next().previous()).isEqualTo(period);
    }

    @Test
    void walkingNextAcrossAYearVisitsEveryHalfHourOnce() {
        SettlementPeriod period = new SettlementPeriod(LocalDate.parse("2026-01-01"), 1);
        Instant expected = period.start();
        int steps = 0;
        while (period.settlementDate().getYear() == 2026) {
            assertThat(period.start()).isEqualTo(expected);
            expected = period.end();
            period = period.next();
            steps++;
        }
        assertThat(steps).isEqualTo(365 * 48);
    }

    @Test
    void ordersByDateThenPeriodWhichIsTimeOrder() {
        List<SettlementPeriod> periods = new ArrayList<>(List.of(
                new SettlementPeriod(AUTUMN, 5),
                new SettlementPeriod(SPRING, 46),
                new SettlementPeriod(AUTUMN, 3),
                new SettlementPeriod(AUTUMN.minusDays(1), 48)));
        Collections.sort(periods);

        assertThat(periods).containsExactly(
                new SettlementPeriod(SPRING, 46),
                new SettlementPeriod(AUTUMN.minusDays(1), 48),
                new SettlementPeriod(AUTUMN, 3),
                new SettlementPeriod(AUTUMN, 5));
        assertThat(periods).extracting(SettlementPeriod::start).isSorted();
        assertThat(new SettlementPeriod(AUTUMN, 3).compareTo(new SettlementPeriod(AUTUMN, 3))).isZero();
    }
}
