package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.time.SettlementCalendar;

class MaintenanceInjectionTest {

    private final MaintenanceInjection maintenance = new MaintenanceInjection();
    private final HouseholdSeries ones = HouseholdFixtures.constant("MAC000006", LocalDate.of(2013, 4, 1), 150);

    @Test
    void driftRisesLinearlyFromOneAndReachesOnePlusEThenHolds() {
        int held = 0;
        for (long seed = 1; seed <= 30; seed++) {
            HouseholdSeries s = ones.copy();
            InjectedAnomaly label = maintenance.drift(s, new SplittableRandom(seed)).orElseThrow();
            assertThat(label.type()).isEqualTo(AnomalyType.MAINTENANCE);
            assertThat(label.pattern()).isEqualTo("drift");
            double top = label.magnitude();
            assertThat(top).isBetween(1.2, 1.5);
            long days = (label.end().getEpochSecond() - label.start().getEpochSecond()) / 86_400;
            assertThat(days).isBetween(14L, 49L);
            int from = s.indexAtOrAfter(label.start().getEpochSecond());
            int to = s.indexAtOrAfter(label.end().getEpochSecond());
            assertThat(s.kwh()[from]).isEqualTo(1.0);
            for (int i = from + 1; i < to; i++) {
                assertThat(s.kwh()[i]).isGreaterThanOrEqualTo(s.kwh()[i - 1]).isLessThanOrEqualTo(top + 1e-12);
            }
            int atTop = 0;
            for (int i = from; i < to; i++) {
                atTop += Math.abs(s.kwh()[i] - top) < 1e-12 ? 1 : 0;
            }
            // The ramp is 14-35 days, so an event longer than 35 days has a hold: its last part reads exactly 1 + e.
            if (days > 35) {
                assertThat(s.kwh()[to - 1]).isCloseTo(top, within(1e-12));
                assertThat(atTop).isGreaterThanOrEqualTo(48);
                held++;
            }
            for (int i = 0; i < s.size(); i++) {
                if (i < from || i >= to) {
                    assertThat(s.kwh()[i]).isEqualTo(1.0);
                }
            }
        }
        assertThat(held).isPositive();
    }

    @Test
    void repeatedOutlierRewritesTheSameLocalHalfHoursEveryDay() {
        for (long seed = 1; seed <= 30; seed++) {
            HouseholdSeries s = ones.copy();
            InjectedAnomaly label = maintenance.repeatedOutlier(s, new SplittableRandom(seed)).orElseThrow();
            assertThat(label.pattern()).isEqualTo("repeated_outlier");
            double m = label.magnitude();
            assertThat(m).isBetween(3.0, 6.0);
            LocalDate first = SettlementCalendar.settlementDate(label.start());
            LocalDate end = SettlementCalendar.settlementDate(label.end());
            assertThat(label.start()).isEqualTo(SettlementCalendar.dayStart(first));
            assertThat(end.toEpochDay() - first.toEpochDay()).isBetween(5L, 14L);
            Set<LocalTime> times = new HashSet<>();
            Set<Double> values = new HashSet<>();
            int changed = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.kwh()[i] != 1.0) {
                    long t = s.epochSeconds()[i];
                    assertThat(t).isBetween(label.start().getEpochSecond(), label.end().getEpochSecond() - 1);
                    times.add(Instant.ofEpochSecond(t).atZone(SettlementCalendar.LONDON).toLocalTime());
                    values.add(s.kwh()[i]);
                    changed++;
                }
            }
            int days = (int) (end.toEpochDay() - first.toEpochDay());
            assertThat(times.size()).isBetween(1, 4);
            assertThat(changed).isEqualTo(days * times.size());
            assertThat(values).hasSize(1);
            double a = values.iterator().next() - m;
            assertThat(a).isBetween(0.5, 2.0);
        }
    }
}
