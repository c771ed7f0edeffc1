package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JokarAttackTest {

    private static final LocalDate MONDAY = LocalDate.of(2013, 3, 4);
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2013, 3, 31);
    private static final LocalDate FALL_BACK = LocalDate.of(2013, 10, 27);

    /** Attacks every day of a 10-day series and returns it with the honest copy. */
    private static HouseholdSeries[] attacked(JokarAttack attack, LocalDate from, int days) {
        HouseholdSeries honest = HouseholdFixtures.shaped("MAC000001", from, days, 7);
        HouseholdSeries reported = honest.copy();
        SplittableRandom random = new SplittableRandom(42);
        LondonDay day = LondonDay.of(from);
        for (int d = 0; d < days; d++, day = day.next()) {
            attack.attackDay(reported, reported.indexAtOrAfter(day.start()), reported.indexAtOrAfter(day.end()), day, random);
        }
        return new HouseholdSeries[] {honest, reported};
    }

    private static int[] dayRange(HouseholdSeries s, LondonDay day) {
        return new int[] {s.indexAtOrAfter(day.start()), s.indexAtOrAfter(day.end())};
    }

    @Test
    void h1ScalesEachDayByOneFactorDrawnAfreshPerDay() {
        HouseholdSeries[] s = attacked(JokarAttack.H1, MONDAY, 10);
        Set<Double> factors = new HashSet<>();
        LondonDay day = LondonDay.of(MONDAY);
        for (int d = 0; d < 10; d++, day = day.next()) {
            int[] r = dayRange(s[0], day);
            double alpha = s[1].kwh()[r[0]] / s[0].kwh()[r[0]];
            assertThat(alpha).isBetween(0.1, 0.8);
            for (int i = r[0]; i < r[1]; i++) {
                assertThat(s[1].kwh()[i]).isCloseTo(alpha * s[0].kwh()[i], within(1e-12));
            }
            factors.add(alpha);
        }
        assertThat(factors).hasSize(10);
    }

    @Test
    void h2ZeroesOneWindowOf8To40HalfHoursPerDayCutAtTheDayEnd() {
        for (LocalDate from : new LocalDate[] {MONDAY, SPRING_FORWARD.minusDays(2), FALL_BACK.minusDays(2)}) {
            HouseholdSeries[] s = attacked(JokarAttack.H2, from, 5);
            LondonDay day = LondonDay.of(from);
            for (int d = 0; d < 5; d++, day = day.next()) {
                int[] r = dayRange(s[0], day);
                assertThat(r[1] - r[0]).isEqualTo(day.periods());
                int first = -1;
                int last = -1;
                for (int i = r[0]; i < r[1]; i++) {
                    if (s[1].kwh()[i] == 0) {
                        first = first < 0 ? i : first;
                        last = i;
                    } else {
                        assertThat(s[1].kwh()[i]).isEqualTo(s[0].kwh()[i]);
                    }
                }
                assertThat(first).as("a window on %s", day.date()).isNotNegative();
                int length = last - first + 1;
                for (int i = first; i <= last; i++) {
                    assertThat(s[1].kwh()[i]).as("the window is one run").isZero();
                }
                if (last < r[1] - 1) {
                    assertThat(length).isBetween(8, 40);
                } else {
                    assertThat(length).isBetween(1, 40);
                }
            }
        }
    }

    @Test
    void h3ScalesEveryReadingByItsOwnFactor() {
        HouseholdSeries[] s = attacked(JokarAttack.H3, MONDAY, 3);
        Set<Double> factors = new HashSet<>();
        for (int i = 0; i < s[0].size(); i++) {
            double gamma = s[1].kwh()[i] / s[0].kwh()[i];
            assertThat(gamma).isBetween(0.1, 0.8);
            factors.add(gamma);
        }
        assertThat(factors).hasSize(s[0].size());
    }

    @Test
    void h4ReportsAFactorOfTheDaysMeanInEveryPeriod() {
        HouseholdSeries[] s = attacked(JokarAttack.H4, MONDAY, 3);
        LondonDay day = LondonDay.of(MONDAY);
        for (int d = 0; d < 3; d++, day = day.next()) {
            int[] r = dayRange(s[0], day);
            double mean = mean(s[0].kwh(), r[0], r[1]);
            for (int i = r[0]; i < r[1]; i++) {
                assertThat(s[1].kwh()[i] / mean).isBetween(0.1, 0.8);
            }
        }
    }

    @Test
    void h5MakesEveryReadingOfAnAttackedDayThatDaysMean() {
        for (LocalDate from : new LocalDate[] {MONDAY, SPRING_FORWARD, FALL_BACK}) {
            HouseholdSeries[] s = attacked(JokarAttack.H5, from, 1);
            double mean = mean(s[0].kwh(), 0, s[0].size());
            for (double v : s[1].kwh()) {
                assertThat(v).isCloseTo(mean, within(1e-12));
            }
        }
    }

    @Test
    void h6ReversesEachDayIncludingClockChangeDays() {
        for (LocalDate from : new LocalDate[] {MONDAY, SPRING_FORWARD, FALL_BACK}) {
            HouseholdSeries[] s = attacked(JokarAttack.H6, from, 1);
            int n = s[0].size();
            assertThat(n).isEqualTo(LondonDay.of(from).periods());
            for (int i = 0; i < n; i++) {
                assertThat(s[1].kwh()[i]).isEqualTo(s[0].kwh()[n - 1 - i]);
            }
        }
    }

    @Test
    void patternsAreNamedAfterThePaper() {
        assertThat(JokarAttack.H1.pattern()).isEqualTo("jokar_h1");
        assertThat(JokarAttack.H6.pattern()).isEqualTo("jokar_h6");
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return sum / (to - from);
    }
}
