package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.time.SettlementCalendar;

class TheftInjectionTest {

    private final TheftInjection theft = new TheftInjection();

    @Test
    void attacksWholeLondonDaysAfterTheBaselineAndLabelsThemFromFirstToLastDay() {
        HouseholdSeries honest = HouseholdFixtures.shaped("MAC000003", LocalDate.of(2013, 1, 1), 200, 3);
        Set<String> patterns = new HashSet<>();
        for (long seed = 1; seed <= 60; seed++) {
            HouseholdSeries reported = honest.copy();
            InjectedAnomaly label = theft.inject(reported, new SplittableRandom(seed)).orElseThrow();
            patterns.add(label.pattern());
            assertThat(label.type()).isEqualTo(AnomalyType.THEFT_BYPASS);
            assertThat(label.meterKey()).isEqualTo("MAC000003");
            LocalDate first = SettlementCalendar.settlementDate(label.start());
            LocalDate end = SettlementCalendar.settlementDate(label.end());
            assertThat(label.start()).isEqualTo(SettlementCalendar.dayStart(first));
            assertThat(label.end()).isEqualTo(SettlementCalendar.dayStart(end));
            assertThat(end.toEpochDay() - first.toEpochDay()).isBetween(14L, 60L);
            assertThat(Duration.between(Instant.ofEpochSecond(honest.firstReading()), label.start()))
                    .isGreaterThanOrEqualTo(Duration.ofDays(28));
            assertThat(label.end().getEpochSecond()).isLessThanOrEqualTo(honest.lastReading());
            EventSpan span = new EventSpan(label.start().getEpochSecond(), label.end().getEpochSecond());
            int changed = 0;
            for (int i = 0; i < honest.size(); i++) {
                if (!span.contains(honest.epochSeconds()[i])) {
                    assertThat(reported.kwh()[i]).isEqualTo(honest.kwh()[i]);
                } else if (reported.kwh()[i] != honest.kwh()[i]) {
                    changed++;
                }
            }
            assertThat(changed).as(label.pattern()).isPositive();
            if (!label.pattern().equals("jokar_h6") && !label.pattern().equals("jokar_h5")) {
                assertThat(label.magnitude()).as("share unreported by " + label.pattern()).isBetween(0.0, 1.0).isPositive();
            }
        }
        assertThat(patterns).containsExactlyInAnyOrder("jokar_h1", "jokar_h2", "jokar_h3", "jokar_h4", "jokar_h5", "jokar_h6");
    }

    @Test
    void isDeterministicFromTheSeed() {
        HouseholdSeries honest = HouseholdFixtures.shaped("MAC000003", LocalDate.of(2013, 1, 1), 120, 3);
        HouseholdSeries a = honest.copy();
        HouseholdSeries b = honest.copy();
        assertThat(theft.inject(a, new SplittableRandom(9))).isEqualTo(theft.inject(b, new SplittableRandom(9)));
        assertThat(a.kwh()).containsExactly(b.kwh());
    }

    @Test
    void noEventWhenTheDataIsTooShortForABaselineAndTwoWeeks() {
        HouseholdSeries short41Days = HouseholdFixtures.shaped("MAC000004", LocalDate.of(2013, 5, 1), 41, 3);
        for (long seed = 1; seed <= 20; seed++) {
            HouseholdSeries copy = short41Days.copy();
            Optional<InjectedAnomaly> label = theft.inject(copy, new SplittableRandom(seed));
            assertThat(label).isEmpty();
            assertThat(copy.kwh()).containsExactly(short41Days.kwh());
        }
    }
}
