package uk.consumptioninsights.model.anomaly.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * One cause, one detection. A theft that flattens days, zeroes hours or scales readings down also leaves repeated
 * values and zero runs behind; those runs are how the theft looks, not a second fault, so a stuck or zero-run
 * malfunction lying mostly inside such a theft stretch of the same meter is dropped.
 */
final class SharedCause {

    /** Theft patterns that reshape readings (a plain drop leaves no runs of its own). */
    private static final Set<String> RESHAPING = Set.of("flattened", "zeroed_hours", "scaled_down", "scrambled", "reversed");
    private static final Set<String> RUNS = Set.of("stuck", "zero_run");

    private SharedCause() {
    }

    static List<Detection> reportOnce(List<Detection> meterDetections) {
        List<Detection> thefts = meterDetections.stream()
                .filter(d -> d.type() == AnomalyType.THEFT_BYPASS && RESHAPING.contains(d.pattern())).toList();
        if (thefts.isEmpty()) {
            return meterDetections;
        }
        List<Detection> kept = new ArrayList<>(meterDetections.size());
        for (Detection d : meterDetections) {
            if (!(d.type() == AnomalyType.METER_MALFUNCTION && RUNS.contains(d.pattern()) && explained(d, thefts))) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static boolean explained(Detection run, List<Detection> thefts) {
        long length = run.end().getEpochSecond() - run.start().getEpochSecond();
        for (Detection theft : thefts) {
            long overlap = Math.min(run.end().getEpochSecond(), theft.end().getEpochSecond())
                    - Math.max(run.start().getEpochSecond(), theft.start().getEpochSecond());
            if (2 * overlap >= length) {
                return true;
            }
        }
        return false;
    }
}
