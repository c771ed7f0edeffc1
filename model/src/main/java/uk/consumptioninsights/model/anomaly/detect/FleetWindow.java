package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * All meters of a workspace over a period, as the detectors see it. Readings from {@code from} to {@code scoreFrom}
 * are only used to learn each meter's baseline (its weekday × period profile and usual daily level); detections are
 * reported only for intervals that end after {@code scoreFrom}. With {@code scoreFrom == from} the whole window is both
 * baseline and scored, as for a freshly generated workspace.
 */
public record FleetWindow(List<MeterSeries> meters, Instant from, Instant scoreFrom, Instant to) {

    public FleetWindow {
        meters = List.copyOf(meters);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(scoreFrom, "scoreFrom");
        Objects.requireNonNull(to, "to");
        if (scoreFrom.isBefore(from) || !to.isAfter(scoreFrom)) {
            throw new IllegalArgumentException("Need from <= scoreFrom < to, got " + from + ", " + scoreFrom + ", " + to);
        }
    }

    /** The whole period is both baseline and scored. */
    public static FleetWindow of(List<MeterSeries> meters, Instant from, Instant to) {
        return new FleetWindow(meters, from, from, to);
    }

    public long readingCount() {
        long n = 0;
        for (MeterSeries m : meters) {
            n += m.size();
        }
        return n;
    }
}
