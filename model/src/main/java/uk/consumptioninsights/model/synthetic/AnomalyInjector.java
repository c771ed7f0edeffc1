package uk.consumptioninsights.model.synthetic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * Decides, from a seed, which meters get which anomaly and when. The same planner serves the synthetic workspace
 * and the real London meters, so detectors are evaluated against one injection code.
 */
public final class AnomalyInjector {

    private static final long HALF_HOUR = 1800;
    private static final int MIN_GROUP_METERS_FOR_NETWORK_EVENT = 5;

    private final long seed;
    private final InjectionRates rates;

    public AnomalyInjector(long seed, InjectionRates rates) {
        this.seed = seed;
        this.rates = rates;
    }

    public AnomalyPlan plan(List<MeterSlot> meters, Instant from, Instant to) {
        long first = ceilHalfHour(from.getEpochSecond());
        long periods = (to.getEpochSecond() - first) / HALF_HOUR;
        if (periods < 48 * 3) {
            return new AnomalyPlan(seed, Map.of(), List.of());
        }
        Map<String, AnomalyPlan.MeterPattern> perMeter = new HashMap<>();
        for (int i = 0; i < meters.size(); i++) {
            MeterSlot meter = meters.get(i);
            SplitMix random = new SplitMix(seed, 10, meter.meterKey().hashCode(), i);
            double u = random.nextDouble();
            AnomalyType type = u < rates.theft() ? AnomalyType.THEFT_BYPASS
                    : u < rates.theft() + rates.malfunction() ? AnomalyType.METER_MALFUNCTION
                    : u < rates.theft() + rates.malfunction() + rates.maintenance() ? AnomalyType.MAINTENANCE
                    : null;
            if (type != null) {
                perMeter.put(meter.meterKey(), meterPattern(type, random, first, periods));
            }
        }
        return new AnomalyPlan(seed, perMeter, networkEvents(meters, first, periods));
    }

    private static AnomalyPlan.MeterPattern meterPattern(AnomalyType type, SplitMix random, long first, long periods) {
        return switch (type) {
            case THEFT_BYPASS -> {
                int length = (int) Math.min(periods / 3, 48L * random.between(7, 30));
                long start = first + HALF_HOUR * randomStart(random, periods / 4, periods - length);
                yield new AnomalyPlan.MeterPattern(type, "sustained_drop", start, start + HALF_HOUR * length,
                        random.uniform(0.45, 0.75));
            }
            case METER_MALFUNCTION -> {
                String pattern = switch (random.nextInt(4)) {
                    case 0 -> "stuck";
                    case 1 -> "zero_run";
                    case 2 -> "spike";
                    default -> "negative";
                };
                int length = switch (pattern) {
                    case "stuck" -> random.between(12, 96);
                    case "zero_run" -> random.between(24, 240);
                    case "spike" -> random.between(1, 2);
                    default -> random.between(3, 8);
                };
                double magnitude = switch (pattern) {
                    case "spike" -> random.uniform(25, 60);
                    case "negative" -> -random.uniform(0.1, 2.0);
                    default -> 0;
                };
                long start = first + HALF_HOUR * randomStart(random, 0, periods - length);
                yield new AnomalyPlan.MeterPattern(type, pattern, start, start + HALF_HOUR * length, magnitude);
            }
            case MAINTENANCE -> {
                boolean drift = random.nextDouble() < 0.5;
                int days = drift ? random.between(14, 40) : random.between(7, 20);
                int length = (int) Math.min(periods - 48, 48L * days);
                long start = first + HALF_HOUR * randomStart(random, 0, periods - length);
                double magnitude = drift ? random.uniform(1.4, 1.8) : random.uniform(4, 7);
                yield new AnomalyPlan.MeterPattern(type, drift ? "drift" : "repeated_outliers", start,
                        start + HALF_HOUR * length, magnitude);
            }
            case NETWORK_ANOMALY -> throw new IllegalArgumentException("Network anomalies are planned per GSP group");
        };
    }

    private List<AnomalyPlan.NetworkEvent> networkEvents(List<MeterSlot> meters, long first, long periods) {
        Map<GspGroup, Integer> perGroup = new LinkedHashMap<>();
        for (MeterSlot meter : meters) {
            perGroup.merge(meter.gspGroup(), 1, Integer::sum);
        }
        List<GspGroup> eligible = new ArrayList<>();
        perGroup.forEach((group, count) -> {
            if (count >= MIN_GROUP_METERS_FOR_NETWORK_EVENT) {
                eligible.add(group);
            }
        });
        List<AnomalyPlan.NetworkEvent> events = new ArrayList<>();
        if (eligible.isEmpty()) {
            return events;
        }
        SplitMix random = new SplitMix(seed, 20);
        int count = (int) Math.round(rates.networkEventsPer30Days() * periods / (48.0 * 30));
        for (int e = 0; e < count; e++) {
            GspGroup group = eligible.get(random.nextInt(eligible.size()));
            int length = random.between(2, 8);
            long start = first + HALF_HOUR * randomStart(random, 0, periods - length);
            events.add(new AnomalyPlan.NetworkEvent("NET-" + (e + 1), group, start, start + HALF_HOUR * length,
                    random.uniform(0.6, 0.9)));
        }
        return events;
    }

    private static long randomStart(SplitMix random, long lo, long hiExclusive) {
        long span = Math.max(1, hiExclusive - lo);
        return lo + (random.nextLong() >>> 1) % span;
    }

    private static long ceilHalfHour(long epochSecond) {
        return Math.floorDiv(epochSecond + HALF_HOUR - 1, HALF_HOUR) * HALF_HOUR;
    }

    static String hours(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() >= 48 ? d.toDays() + " days" : d.toMinutes() / 30 + " half-hours";
    }
}
