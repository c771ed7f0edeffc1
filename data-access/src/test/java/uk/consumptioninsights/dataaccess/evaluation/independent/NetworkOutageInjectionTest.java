package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

class NetworkOutageInjectionTest {

    private static final LocalDate FROM = LocalDate.of(2013, 1, 1);

    private final NetworkOutageInjection network = new NetworkOutageInjection();

    /** 20 households over 180 days; the last five start 60 days late; every fourth carries its own event. */
    private static List<HouseholdSeries> half() {
        List<HouseholdSeries> half = new ArrayList<>();
        for (int h = 0; h < 20; h++) {
            half.add(h < 15 ? HouseholdFixtures.shaped(String.format("MAC%06d", h), FROM, 180, h)
                    : HouseholdFixtures.shaped(String.format("MAC%06d", h), FROM.plusDays(60), 120, h));
        }
        return half;
    }

    private static Map<String, EventSpan> ownEvents(List<HouseholdSeries> half) {
        Map<String, EventSpan> own = new HashMap<>();
        for (int h = 0; h < half.size(); h += 4) {
            long start = half.get(h).firstReading() + 40 * 86_400L + h * 3 * 86_400L;
            own.put(half.get(h).householdId(), new EventSpan(start, start + 30 * 86_400L));
        }
        return own;
    }

    @Test
    void placesOneEventPer30DaysAvoidingBaselinesDataEndsAndOtherEvents() {
        for (long seed = 1; seed <= 3; seed++) {
            List<HouseholdSeries> half = half();
            Map<String, EventSpan> own = ownEvents(half);
            NetworkOutageInjection.Outcome outcome = network.inject(copies(half), own, new SplittableRandom(seed));
            assertThat(outcome.events()).hasSize(6);
            Map<String, HouseholdSeries> byId = new HashMap<>();
            half.forEach(h -> byId.put(h.householdId(), h));
            Map<String, List<EventSpan>> spans = new HashMap<>();
            for (InjectedAnomaly label : outcome.labels()) {
                assertThat(label.type()).isEqualTo(AnomalyType.NETWORK_ANOMALY);
                assertThat(label.pattern()).isIn("missing", "zeroed");
                EventSpan span = new EventSpan(label.start().getEpochSecond(), label.end().getEpochSecond());
                long halfHours = (span.end() - span.start()) / 1800;
                assertThat(halfHours).satisfiesAnyOf(n -> assertThat(n).isBetween(2L, 24L), n -> assertThat(n).isBetween(48L, 144L));
                HouseholdSeries h = byId.get(label.meterKey());
                assertThat(span.start()).isGreaterThanOrEqualTo(h.firstReading() + 28 * 86_400L);
                assertThat(span.end()).isLessThanOrEqualTo(h.lastReading());
                assertThat(h.indexOf(span.start())).as("a reading at the start").isNotNegative();
                if (own.containsKey(label.meterKey())) {
                    assertThat(span.overlaps(own.get(label.meterKey()))).isFalse();
                }
                for (EventSpan other : spans.getOrDefault(label.meterKey(), List.of())) {
                    assertThat(span.overlaps(other)).isFalse();
                }
                spans.computeIfAbsent(label.meterKey(), k -> new ArrayList<>()).add(span);
            }
            for (NetworkEvent event : outcome.events()) {
                long withReading = half.stream().filter(h -> h.indexOf(event.span().start()) >= 0).count();
                assertThat(event.share()).isBetween(0.4, 0.9);
                assertThat(event.households().size()).isLessThanOrEqualTo((int) Math.round(event.share() * withReading));
                assertThat(outcome.labels().stream().filter(l -> l.start().getEpochSecond() == event.span().start()
                        && l.pattern().equals(event.pattern())).count()).isEqualTo(event.households().size());
            }
            assertThat(outcome.labels()).extracting(InjectedAnomaly::pattern).contains("missing", "zeroed");
        }
    }

    @Test
    void missingRemovesExactlyTheLabelledReadingsAndZeroedWritesZeroThere() {
        List<HouseholdSeries> half = half();
        NetworkOutageInjection.Outcome outcome = network.inject(copies(half), ownEvents(half), new SplittableRandom(11));
        for (int h = 0; h < half.size(); h++) {
            HouseholdSeries before = half.get(h);
            HouseholdSeries after = outcome.households().get(h);
            List<InjectedAnomaly> labels = outcome.labels().stream().filter(l -> l.meterKey().equals(before.householdId())).toList();
            List<Long> expectedTimes = new ArrayList<>();
            List<Double> expectedValues = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                long t = before.epochSeconds()[i];
                String pattern = labels.stream().filter(l -> l.start().getEpochSecond() <= t && t < l.end().getEpochSecond())
                        .map(InjectedAnomaly::pattern).findFirst().orElse("none");
                if (!pattern.equals("missing")) {
                    expectedTimes.add(t);
                    expectedValues.add(pattern.equals("zeroed") ? 0.0 : before.kwh()[i]);
                }
            }
            assertThat(after.epochSeconds()).containsExactly(expectedTimes.stream().mapToLong(Long::longValue).toArray());
            assertThat(after.kwh()).containsExactly(expectedValues.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static List<HouseholdSeries> copies(List<HouseholdSeries> half) {
        return half.stream().map(HouseholdSeries::copy).toList();
    }
}
