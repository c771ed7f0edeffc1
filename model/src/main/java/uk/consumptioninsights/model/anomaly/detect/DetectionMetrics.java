package uk.consumptioninsights.model.anomaly.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * Precision@k and average precision (PR-AUC) of detections against injected labels.
 *
 * <p><b>Matching rule.</b> Detections are taken in ranking order (the ranking key descending, by default the detector's
 * score; ties by the detector's score descending, as the workbench's list breaks them, then meter key, then start).
 * A detection of type T is a true positive when it overlaps in time (start &lt; label end and label start &lt; end) an
 * as yet unmatched label of type T on the same meter; it then consumes the earliest such label. Every label is matched
 * at most once, so a second detection of the same label is a false positive. Network labels are one per affected meter,
 * so a network event is matched meter by meter.
 *
 * <p><b>Average precision</b> = (1 / number of labels) × Σ over true positives of the precision at their rank; labels
 * never matched contribute 0, so AP also penalises missed labels. <b>Precision@k</b> = true positives among the top k
 * detections / k (a list shorter than k counts the missing places as misses). <b>Overall</b> pools the detections of
 * all types into one ranking by score (pooled AP), and also reports the mean of the per-type APs (macro AP).
 */
public final class DetectionMetrics {

    private DetectionMetrics() {
    }

    /** Metrics for one type, or for all types pooled when {@code type} is null. */
    public record Result(AnomalyType type, int labels, int detections, int truePositives, double averagePrecision,
                         double[] precisionAtK, int[] ks) {

        public double precisionAt(int k) {
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == k) {
                    return precisionAtK[i];
                }
            }
            throw new IllegalArgumentException("k = " + k + " was not evaluated");
        }

        public double recall() {
            return labels == 0 ? Double.NaN : (double) truePositives / labels;
        }
    }

    /** Per type in declaration order, then the pooled ranking (type null), ranked by the detector's score. */
    public static List<Result> evaluate(List<Detection> detections, List<InjectedAnomaly> labels, int... ks) {
        return evaluate(detections, labels, Detection::score, ks);
    }

    /** As {@link #evaluate(List, List, int...)}, ranked by {@code rankingKey} (higher first), e.g. the learned score. */
    public static List<Result> evaluate(List<Detection> detections, List<InjectedAnomaly> labels,
                                        ToDoubleFunction<Detection> rankingKey, int... ks) {
        List<Result> results = new ArrayList<>();
        for (AnomalyType type : AnomalyType.values()) {
            List<Detection> ofType = detections.stream().filter(d -> d.type() == type).toList();
            List<InjectedAnomaly> labelsOfType = labels.stream().filter(l -> l.type() == type).toList();
            results.add(score(type, ofType, labelsOfType, rankingKey, ks));
        }
        results.add(score(null, detections, labels, rankingKey, ks));
        return results;
    }

    /** Mean AP of the types that have at least one label. */
    public static double macroAveragePrecision(List<Result> results) {
        double sum = 0;
        int n = 0;
        for (Result r : results) {
            if (r.type() != null && r.labels() > 0) {
                sum += r.averagePrecision();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static Result score(AnomalyType type, List<Detection> detections, List<InjectedAnomaly> labels,
                        ToDoubleFunction<Detection> rankingKey, int[] ks) {
        List<Detection> ranked = new ArrayList<>(detections);
        ranked.sort(Comparator.comparingDouble(rankingKey).reversed()
                .thenComparing(Comparator.comparingDouble(Detection::score).reversed()).thenComparing(Detection::meterKey)
                .thenComparing(Detection::start));
        Map<String, List<Integer>> labelsByMeter = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelsByMeter.computeIfAbsent(labels.get(i).meterKey(), k -> new ArrayList<>()).add(i);
        }
        boolean[] matched = new boolean[labels.size()];
        boolean[] hit = new boolean[ranked.size()];
        int tp = 0;
        double apSum = 0;
        for (int r = 0; r < ranked.size(); r++) {
            Detection d = ranked.get(r);
            int best = -1;
            for (int li : labelsByMeter.getOrDefault(d.meterKey(), List.of())) {
                InjectedAnomaly l = labels.get(li);
                if (!matched[li] && l.type() == d.type() && d.start().isBefore(l.end()) && l.start().isBefore(d.end())
                        && (best < 0 || l.start().isBefore(labels.get(best).start()))) {
                    best = li;
                }
            }
            if (best >= 0) {
                matched[best] = true;
                hit[r] = true;
                tp++;
                apSum += (double) tp / (r + 1);
            }
        }
        double[] pAtK = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            int count = 0;
            for (int r = 0; r < Math.min(ks[j], ranked.size()); r++) {
                if (hit[r]) {
                    count++;
                }
            }
            pAtK[j] = ks[j] == 0 ? Double.NaN : (double) count / ks[j];
        }
        double ap = labels.isEmpty() ? Double.NaN : apSum / labels.size();
        return new Result(type, labels.size(), ranked.size(), tp, ap, pAtK, ks.clone());
    }

    /** Unused-type helper for callers that want a map. */
    public static Map<AnomalyType, Result> byType(List<Result> results) {
        Map<AnomalyType, Result> map = new EnumMap<>(AnomalyType.class);
        for (Result r : results) {
            if (r.type() != null) {
                map.put(r.type(), r);
            }
        }
        return map;
    }
}
