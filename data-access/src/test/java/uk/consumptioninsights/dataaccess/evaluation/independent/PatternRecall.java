package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/** Recall of one injected pattern: labels matched by a detection of their type / labels. */
public record PatternRecall(AnomalyType type, String pattern, int labels, int matched) {

    public double recall() {
        return labels == 0 ? Double.NaN : (double) matched / labels;
    }

    /** One row per (type, pattern) present in {@code labels}, by type then pattern. */
    public static List<PatternRecall> of(List<Detection> detections, List<InjectedAnomaly> labels,
                                         ToDoubleFunction<Detection> rankingKey) {
        boolean[] matched = LabelMatching.matched(detections, labels, rankingKey);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, InjectedAnomaly> first = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            InjectedAnomaly l = labels.get(i);
            String key = l.type().code() + '/' + l.pattern();
            first.putIfAbsent(key, l);
            int[] c = counts.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += matched[i] ? 1 : 0;
        }
        List<PatternRecall> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new PatternRecall(first.get(key).type(), first.get(key).pattern(), c[0], c[1])));
        rows.sort(Comparator.comparing(PatternRecall::type).thenComparing(PatternRecall::pattern));
        return rows;
    }
}
