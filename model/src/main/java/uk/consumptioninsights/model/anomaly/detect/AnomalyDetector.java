package uk.consumptioninsights.model.anomaly.detect;

import java.util.List;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * One detector per anomaly type. Each looks at one meter at a time, with the fleet context for its baseline, its GSP
 * peers and area co-occurrence, so {@link Rescoring} can run meters in parallel. Detections are window-level: one per
 * flagged run, not one per reading.
 */
public sealed interface AnomalyDetector permits MalfunctionDetector, TheftDetector, NetworkDetector, MaintenanceDetector {

    AnomalyType type();

    /** Stable name stored with each detection, e.g. {@code rules.theft.v1}. */
    String name();

    /** Detections for meter {@code meterIndex} of the context's window. Must be thread-safe. */
    List<Detection> detect(FleetContext context, int meterIndex);

    /** The four rule-based detectors, one per type. */
    static List<AnomalyDetector> defaults() {
        return List.of(new MalfunctionDetector(), new TheftDetector(), new NetworkDetector(), new MaintenanceDetector());
    }
}
