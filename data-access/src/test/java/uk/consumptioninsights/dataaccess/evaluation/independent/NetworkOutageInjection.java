package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * Network events over a whole half, one per 30 days of its span: an area outage takes a share of the households with a
 * reading at its start, whose lines then go missing (p = 0.6) or read zero. One label per affected household.
 */
public final class NetworkOutageInjection {

    public static final double DAYS_PER_EVENT = 30;
    public static final double SHORT_PROBABILITY = 0.7;
    public static final double MISSING_PROBABILITY = 0.6;

    /** The half after the events: series with lines removed or zeroed, the events, and their labels. */
    public record Outcome(List<HouseholdSeries> households, List<NetworkEvent> events, List<InjectedAnomaly> labels) {
    }

    /**
     * @param households   the half's households, sorted by id, already carrying their own events
     * @param perHousehold each household's own event, which a network event must not overlap
     */
    public Outcome inject(List<HouseholdSeries> households, Map<String, EventSpan> perHousehold, SplittableRandom random) {
        List<NetworkEvent> events = plan(households, perHousehold, random);
        Map<String, List<NetworkEvent>> byHousehold = new HashMap<>();
        for (NetworkEvent event : events) {
            for (String id : event.households()) {
                byHousehold.computeIfAbsent(id, k -> new ArrayList<>()).add(event);
            }
        }
        List<HouseholdSeries> out = new ArrayList<>(households.size());
        List<InjectedAnomaly> labels = new ArrayList<>();
        for (HouseholdSeries series : households) {
            HouseholdSeries s = series;
            for (NetworkEvent event : byHousehold.getOrDefault(series.householdId(), List.of())) {
                s = apply(s, event);
                labels.add(new InjectedAnomaly(s.householdId(), AnomalyType.NETWORK_ANOMALY, event.pattern(),
                        event.span().startInstant(), event.span().endInstant(), 0, String.format(Locale.UK,
                        "Network event %d: %d half-hours %s for %d households (share drawn %.2f)", event.number(),
                        (event.span().end() - event.span().start()) / HouseholdSeries.HALF_HOUR, event.pattern(),
                        event.households().size(), event.share())));
            }
            out.add(s);
        }
        return new Outcome(out, events, labels);
    }

    List<NetworkEvent> plan(List<HouseholdSeries> households, Map<String, EventSpan> perHousehold, SplittableRandom random) {
        List<HouseholdSeries> withData = households.stream().filter(h -> h.size() > 0).toList();
        List<NetworkEvent> events = new ArrayList<>();
        if (withData.isEmpty()) {
            return events;
        }
        long spanStart = withData.stream().mapToLong(HouseholdSeries::firstReading).min().orElseThrow();
        long spanEnd = withData.stream().mapToLong(HouseholdSeries::lastReading).max().orElseThrow() + HouseholdSeries.HALF_HOUR;
        long earliest = spanStart + InjectionBounds.BASELINE_SECONDS;
        long count = Math.round((spanEnd - spanStart) / (DAYS_PER_EVENT * HouseholdSeries.DAY));
        Map<String, List<EventSpan>> taken = new HashMap<>();
        perHousehold.forEach((id, span) -> taken.computeIfAbsent(id, k -> new ArrayList<>()).add(span));
        for (int e = 1; e <= count; e++) {
            int halfHours = random.nextDouble() < SHORT_PROBABILITY ? random.nextInt(2, 25) : random.nextInt(48, 145);
            boolean missing = random.nextDouble() < MISSING_PROBABILITY;
            double share = random.nextDouble(0.4, 0.9);
            long starts = (spanEnd - halfHours * HouseholdSeries.HALF_HOUR - earliest) / HouseholdSeries.HALF_HOUR + 1;
            if (starts <= 0) {
                continue;
            }
            long start = earliest + HouseholdSeries.HALF_HOUR * random.nextLong(starts);
            EventSpan span = new EventSpan(start, start + halfHours * HouseholdSeries.HALF_HOUR);
            List<HouseholdSeries> reading = new ArrayList<>(withData.stream().filter(h -> h.indexOf(start) >= 0).toList());
            shuffle(reading, random);
            int chosen = (int) Math.round(share * reading.size());
            List<String> affected = new ArrayList<>();
            for (HouseholdSeries h : reading.subList(0, chosen)) {
                List<EventSpan> own = taken.getOrDefault(h.householdId(), List.of());
                // Chosen households already carrying an event then, or too near their data's ends, are left out.
                if (InjectionBounds.of(h).admits(span) && own.stream().noneMatch(span::overlaps)) {
                    affected.add(h.householdId());
                    taken.computeIfAbsent(h.householdId(), k -> new ArrayList<>()).add(span);
                }
            }
            affected.sort(null);
            events.add(new NetworkEvent(e, span, missing, share, affected));
        }
        return events;
    }

    static HouseholdSeries apply(HouseholdSeries series, NetworkEvent event) {
        if (event.missing()) {
            return series.without(event.span().start(), event.span().end());
        }
        int from = series.indexAtOrAfter(event.span().start());
        int to = series.indexAtOrAfter(event.span().end());
        for (int i = from; i < to; i++) {
            series.kwh()[i] = 0;
        }
        return series;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
