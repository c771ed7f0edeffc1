package uk.consumptioninsights.model.synthetic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.meter.GspGroup;

/** The injections decided for a set of meters; applies them to one meter's series at a time. */
public final class AnomalyPlan {

    record MeterPattern(AnomalyType type, String pattern, long startEpochSecond, long endEpochSecond, double magnitude) {
    }

    record NetworkEvent(String eventId, GspGroup group, long startEpochSecond, long endEpochSecond, double affectedShare) {
    }

    private final long seed;
    private final Map<String, MeterPattern> perMeter;
    private final List<NetworkEvent> networkEvents;

    AnomalyPlan(long seed, Map<String, MeterPattern> perMeter, List<NetworkEvent> networkEvents) {
        this.seed = seed;
        this.perMeter = Map.copyOf(perMeter);
        this.networkEvents = List.copyOf(networkEvents);
    }

    public int plannedMeterAnomalies() {
        return perMeter.size();
    }

    public int plannedNetworkEvents() {
        return networkEvents.size();
    }

    /**
     * Injects this plan's anomalies for one meter into {@code kwh} (changed in place) and returns their labels, clipped
     * to the readings the series has. Times must be ascending half-hour starts in epoch seconds.
     */
    public List<InjectedAnomaly> inject(MeterSlot meter, long[] epochSeconds, double[] kwh) {
        List<InjectedAnomaly> labels = new ArrayList<>(2);
        MeterPattern own = perMeter.get(meter.meterKey());
        if (own != null) {
            injectOwn(meter.meterKey(), own, epochSeconds, kwh, labels);
        }
        for (NetworkEvent event : networkEvents) {
            if (event.group() == meter.gspGroup() && affected(event, meter.meterKey())) {
                int from = lowerBound(epochSeconds, event.startEpochSecond());
                int to = lowerBound(epochSeconds, event.endEpochSecond());
                if (from < to) {
                    for (int i = from; i < to; i++) {
                        kwh[i] = 0;
                    }
                    labels.add(label(meter.meterKey(), AnomalyType.NETWORK_ANOMALY, "group_loss", epochSeconds, from, to, 0,
                            String.format(Locale.UK, "Supply lost across GSP group %s in event %s (%s)",
                                    event.group().code(), event.eventId(), AnomalyInjector.hours(event.endEpochSecond() - event.startEpochSecond()))));
                }
            }
        }
        return labels;
    }

    private boolean affected(NetworkEvent event, String meterKey) {
        long h = SplitMix.mix(seed ^ SplitMix.mix(event.eventId().hashCode()) ^ SplitMix.mix(meterKey.hashCode() * 31L + 7));
        return (h >>> 11) * 0x1.0p-53 < event.affectedShare();
    }

    private static void injectOwn(String key, MeterPattern p, long[] t, double[] kwh, List<InjectedAnomaly> labels) {
        int from = lowerBound(t, p.startEpochSecond());
        int to = lowerBound(t, p.endEpochSecond());
        if (from >= to) {
            return;
        }
        String description;
        switch (p.pattern()) {
            case "sustained_drop" -> {
                double keep = 1 - p.magnitude();
                for (int i = from; i < to; i++) {
                    kwh[i] = round(kwh[i] * keep);
                }
                description = String.format(Locale.UK, "Consumption cut to %.0f%% of normal for %s with the daily shape intact",
                        keep * 100, AnomalyInjector.hours(p.endEpochSecond() - p.startEpochSecond()));
            }
            case "stuck" -> {
                double value = Math.max(0.05, kwh[from]);
                Arrays.fill(kwh, from, to, value);
                description = String.format(Locale.UK, "Register stuck at %.3f kWh for %d half-hours", value, to - from);
            }
            case "zero_run" -> {
                Arrays.fill(kwh, from, to, 0);
                description = String.format(Locale.UK, "Zero readings for %d half-hours", to - from);
            }
            case "spike" -> {
                for (int i = from; i < to; i++) {
                    kwh[i] = round(p.magnitude());
                }
                description = String.format(Locale.UK, "Physically impossible reading of %.1f kWh in a half-hour", p.magnitude());
            }
            case "negative" -> {
                for (int i = from; i < to; i++) {
                    kwh[i] = round(p.magnitude() * (1 + 0.1 * (i - from)));
                }
                description = String.format(Locale.UK, "Negative readings for %d half-hours on an import meter", to - from);
            }
            case "drift" -> {
                double span = Math.max(1, p.endEpochSecond() - p.startEpochSecond());
                for (int i = from; i < to; i++) {
                    kwh[i] = round(kwh[i] * (1 + (p.magnitude() - 1) * (t[i] - p.startEpochSecond()) / span));
                }
                description = String.format(Locale.UK, "Readings drift upwards to %.0f%% of true consumption over %s",
                        p.magnitude() * 100, AnomalyInjector.hours(p.endEpochSecond() - p.startEpochSecond()));
            }
            case "repeated_outliers" -> {
                for (int i = from; i < to; i++) {
                    if ((t[i] - p.startEpochSecond()) % 86_400 == 0) {
                        kwh[i] = round(Math.max(kwh[i], 0.2) * p.magnitude());
                    }
                }
                description = String.format(Locale.UK, "The same half-hour reads %.1f× too high every day for %s",
                        p.magnitude(), AnomalyInjector.hours(p.endEpochSecond() - p.startEpochSecond()));
            }
            default -> throw new IllegalStateException("Unknown pattern " + p.pattern());
        }
        labels.add(label(key, p.type(), p.pattern(), t, from, to, p.magnitude(), description));
    }

    private static InjectedAnomaly label(String key, AnomalyType type, String pattern, long[] t, int from, int to,
                                         double magnitude, String description) {
        return new InjectedAnomaly(key, type, pattern, Instant.ofEpochSecond(t[from]), Instant.ofEpochSecond(t[to - 1] + 1800),
                magnitude, description);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static int lowerBound(long[] t, long value) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
