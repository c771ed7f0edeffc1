package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

class MalfunctionInjectionTest {

    private final MalfunctionInjection malfunction = new MalfunctionInjection();
    private final HouseholdSeries honest = HouseholdFixtures.shaped("MAC000005", LocalDate.of(2013, 1, 1), 120, 5);

    /** Injects the pattern with 25 seeds; checks the shared rules and hands each event's readings to {@code check}. */
    private void forEachEvent(MalfunctionPattern pattern, EventCheck check) {
        for (long seed = 1; seed <= 25; seed++) {
            HouseholdSeries s = honest.copy();
            InjectedAnomaly label = malfunction.inject(s, pattern, new SplittableRandom(seed)).orElseThrow();
            assertThat(label.type()).isEqualTo(AnomalyType.METER_MALFUNCTION);
            assertThat(label.pattern()).isEqualTo(pattern.code());
            assertThat(label.start().getEpochSecond()).isGreaterThanOrEqualTo(honest.firstReading() + 28 * 86_400L);
            assertThat(label.end().getEpochSecond()).isLessThanOrEqualTo(honest.lastReading());
            int from = s.indexAtOrAfter(label.start().getEpochSecond());
            int to = s.indexAtOrAfter(label.end().getEpochSecond());
            assertThat(to - from).isBetween(pattern.minHalfHours(), pattern.maxHalfHours());
            for (int i = 0; i < s.size(); i++) {
                if (i < from || i >= to) {
                    assertThat(s.kwh()[i]).isEqualTo(honest.kwh()[i]);
                }
            }
            check.event(s, from, to, label);
        }
    }

    @FunctionalInterface
    private interface EventCheck {
        void event(HouseholdSeries s, int from, int to, InjectedAnomaly label);
    }

    @Test
    void implausibleHighWrites1To3ReadingsFarAboveAnySupply() {
        forEachEvent(MalfunctionPattern.IMPLAUSIBLE_HIGH, (s, from, to, label) -> {
            for (int i = from; i < to; i++) {
                assertThat(s.kwh()[i]).isBetween(55.0, 200.0);
            }
        });
    }

    @Test
    void spikeWritesOneReadingWithinASupplysReach() {
        forEachEvent(MalfunctionPattern.SPIKE, (s, from, to, label) -> {
            assertThat(to - from).isEqualTo(1);
            assertThat(s.kwh()[from]).isBetween(15.0, 45.0).isEqualTo(label.magnitude());
        });
    }

    @Test
    void negativeWrites1To12NegativeReadings() {
        forEachEvent(MalfunctionPattern.NEGATIVE, (s, from, to, label) -> {
            for (int i = from; i < to; i++) {
                assertThat(s.kwh()[i]).isBetween(-1.5, -0.01);
            }
        });
    }

    @Test
    void frozenRepeatsThePositiveReadingBeforeTheEvent() {
        forEachEvent(MalfunctionPattern.FROZEN, (s, from, to, label) -> {
            double before = s.kwh()[from - 1];
            assertThat(before).isPositive();
            for (int i = from; i < to; i++) {
                assertThat(s.kwh()[i]).isEqualTo(before);
            }
        });
    }

    @Test
    void frozenNeverStartsAfterAZero() {
        HouseholdSeries zeros = honest.copy();
        for (int i = 0; i < zeros.size(); i += 2) {
            zeros.kwh()[i] = 0;
        }
        for (long seed = 1; seed <= 25; seed++) {
            HouseholdSeries s = zeros.copy();
            InjectedAnomaly label = malfunction.inject(s, MalfunctionPattern.FROZEN, new SplittableRandom(seed)).orElseThrow();
            int from = s.indexAtOrAfter(label.start().getEpochSecond());
            assertThat(zeros.kwh()[from - 1]).isPositive();
        }
    }

    @Test
    void deadWritesZerosThenTheRealReadingsResume() {
        forEachEvent(MalfunctionPattern.DEAD, (s, from, to, label) -> {
            for (int i = from; i < to; i++) {
                assertThat(s.kwh()[i]).isZero();
            }
        });
    }

    @Test
    void choosesAmongAllFivePatterns() {
        Set<String> patterns = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            malfunction.inject(honest.copy(), new SplittableRandom(seed)).ifPresent(l -> patterns.add(l.pattern()));
        }
        assertThat(patterns).containsExactlyInAnyOrder("implausible_high", "spike", "negative", "frozen", "dead");
    }
}
