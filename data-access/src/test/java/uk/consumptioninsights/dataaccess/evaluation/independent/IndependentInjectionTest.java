package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

class IndependentInjectionTest {

    private final IndependentInjection injection = new IndependentInjection();

    private static List<HouseholdSeries> households(int count, int firstNumber) {
        List<HouseholdSeries> half = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            half.add(HouseholdFixtures.shaped(String.format("MAC%06d", firstNumber + h), LocalDate.of(2013, 1, 1), 150, h));
        }
        return half;
    }

    @Test
    void isDeterministicFromTheSeedAndLeavesTheInputUntouched() {
        List<HouseholdSeries> half = households(30, 1);
        List<double[]> before = half.stream().map(h -> h.kwh().clone()).toList();
        InjectedHalf a = injection.inject(half, 1);
        InjectedHalf b = injection.inject(half, 1);
        InjectedHalf other = injection.inject(half, 2);
        assertThat(a.labels()).isEqualTo(b.labels()).isNotEqualTo(other.labels());
        for (int h = 0; h < half.size(); h++) {
            assertThat(a.households().get(h).kwh()).containsExactly(b.households().get(h).kwh());
            assertThat(half.get(h).kwh()).containsExactly(before.get(h));
        }
    }

    @Test
    void eventsAvoidTheFirst28DaysEndBeforeTheDataAndNeverOverlapOnAHousehold() {
        List<HouseholdSeries> half = households(60, 1);
        Map<String, HouseholdSeries> byId = new HashMap<>();
        half.forEach(h -> byId.put(h.householdId(), h));
        for (long seed = 1; seed <= 3; seed++) {
            InjectedHalf injected = injection.inject(half, seed);
            Map<String, List<InjectedAnomaly>> perHousehold = new HashMap<>();
            for (InjectedAnomaly label : injected.labels()) {
                HouseholdSeries h = byId.get(label.meterKey());
                assertThat(label.start().getEpochSecond()).isGreaterThanOrEqualTo(h.firstReading() + 28 * 86_400L);
                assertThat(label.end().getEpochSecond()).isLessThanOrEqualTo(h.lastReading());
                for (InjectedAnomaly other : perHousehold.getOrDefault(label.meterKey(), List.of())) {
                    assertThat(label.start().isBefore(other.end()) && other.start().isBefore(label.end()))
                            .as("%s overlaps %s", label, other).isFalse();
                }
                perHousehold.computeIfAbsent(label.meterKey(), k -> new ArrayList<>()).add(label);
            }
            perHousehold.values().forEach(labels -> assertThat(labels.stream()
                    .filter(l -> l.type() != AnomalyType.NETWORK_ANOMALY).count()).isLessThanOrEqualTo(1));
        }
    }

    @Test
    void drawsEachPerHouseholdTypeForAboutOneHouseholdInFive() {
        List<HouseholdSeries> half = households(400, 1);
        Map<AnomalyType, Integer> counts = new HashMap<>();
        for (InjectedAnomaly label : injection.inject(half, 1).labels()) {
            counts.merge(label.type(), 1, Integer::sum);
        }
        for (AnomalyType type : List.of(AnomalyType.THEFT_BYPASS, AnomalyType.METER_MALFUNCTION, AnomalyType.MAINTENANCE)) {
            assertThat(counts.get(type)).as(type.code()).isBetween(50, 110);
        }
        assertThat(counts.get(AnomalyType.NETWORK_ANOMALY)).isPositive();
    }

    @Test
    void aHouseholdsOwnEventDependsOnlyOnTheSeedAndItsId() {
        List<HouseholdSeries> half = households(30, 1);
        InjectedHalf injected = injection.inject(half, 3);
        int compared = 0;
        for (HouseholdSeries household : half) {
            InjectedAnomaly inHalf = ownLabel(injected, household.householdId());
            if (inHalf != null) {
                List<HouseholdSeries> otherHalf = new ArrayList<>(households(30, 101));
                otherHalf.add(household);
                assertThat(ownLabel(injection.inject(otherHalf, 3), household.householdId())).isEqualTo(inHalf);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5);
    }

    private static InjectedAnomaly ownLabel(InjectedHalf injected, String id) {
        return injected.labels().stream().filter(l -> l.meterKey().equals(id) && l.type() != AnomalyType.NETWORK_ANOMALY)
                .findFirst().orElse(null);
    }
}
