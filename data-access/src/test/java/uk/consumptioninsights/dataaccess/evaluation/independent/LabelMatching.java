package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.DetectionMetrics;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * Which labels were matched, under {@link DetectionMetrics}' rule (per type, detections in ranking order, ties by the
 * detector's score, then meter and start; each takes the earliest unmatched overlapping label of its type on its meter).
 * DetectionMetrics reports counts only; per-pattern recall needs to know which labels.
 */
public final class LabelMatching {

    private LabelMatching() {
    }

    /** {@code matched[i]} is true when {@code labels.get(i)} was matched by some detection. */
    public static boolean[] matched(List<Detection> detections, List<InjectedAnomaly> labels,
                                    ToDoubleFunction<Detection> rankingKey) {
        boolean[] matched = new boolean[labels.size()];
        for (AnomalyType type : AnomalyType.values()) {
            Map<String, List<Integer>> byMeter = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i).type() == type) {
                    byMeter.computeIfAbsent(labels.get(i).meterKey(), k -> new ArrayList<>()).add(i);
                }
            }
            List<Detection> ranked = new ArrayList<>(detections.stream().filter(d -> d.type() == type).toList());
            ranked.sort(Comparator.comparingDouble(rankingKey).reversed()
                    .thenComparing(Comparator.comparingDouble(Detection::score).reversed())
                    .thenComparing(Detection::meterKey).thenComparing(Detection::start));
            for (Detection d : ranked) {
                int best = -1;
                for (int li : byMeter.getOrDefault(d.meterKey(), List.of())) {
                    InjectedAnomaly l = labels.get(li);
                    if (!matched[li] && d.start().isBefore(l.end()) && l.start().isBefore(d.end())
                            && (best < 0 || l.start().isBefore(labels.get(best).start()))) {
                        best = li;
                    }
                }
                if (best >= 0) {
                    matched[best] = true;
                }
            }
        }
        return matched;
    }
}
