package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * For looking into one type on the tuning half ({@code -Deval.details=theft}): its detections in ranking order, each
 * marked as matching a label or not, and the labels no detection matched. Uses the {@link LabelMatching} rule.
 */
final class SuiteDetails {

    private static final int SHOWN = 60;

    private SuiteDetails() {
    }

    static void print(PrintStream out, SeedPool pool, AnomalyType type) {
        List<InjectedAnomaly> labels = pool.labels().stream().filter(l -> l.type() == type).toList();
        List<Detection> ranked = new ArrayList<>(pool.detections().stream().filter(d -> d.type() == type).toList());
        ranked.sort(Comparator.comparingDouble(SeedPool.RANKING).reversed()
                .thenComparing(Comparator.comparingDouble(Detection::score).reversed())
                .thenComparing(Detection::meterKey).thenComparing(Detection::start));
        Map<String, List<Integer>> byMeter = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byMeter.computeIfAbsent(labels.get(i).meterKey(), k -> new ArrayList<>()).add(i);
        }
        boolean[] used = new boolean[labels.size()];
        out.printf(Locale.UK, "%n### %s: detections in ranking order (first %d of %d, then false positives)%n%n", type.code(),
                SHOWN, ranked.size());
        int shown = 0;
        int falseShown = 0;
        for (Detection d : ranked) {
            int best = -1;
            for (int li : byMeter.getOrDefault(d.meterKey(), List.of())) {
                InjectedAnomaly l = labels.get(li);
                if (!used[li] && d.start().isBefore(l.end()) && l.start().isBefore(d.end())
                        && (best < 0 || l.start().isBefore(labels.get(best).start()))) {
                    best = li;
                }
            }
            if (best >= 0) {
                used[best] = true;
            }
            // The top of the list, then the false positives further down (what ranks wrongly is what to look at).
            if (shown++ < SHOWN || (best < 0 && falseShown++ < SHOWN)) {
                out.printf(Locale.UK, "- %s %s %s..%s score %.3f learned %.3f %s%s%n", best >= 0 ? "TP" : "FP", d.meterKey(),
                        d.start(), d.end(), d.score(), d.learnedScore(), d.reason(),
                        best >= 0 ? " [" + labels.get(best).pattern() + "]" : "");
            }
        }
        out.printf(Locale.UK, "%n### %s: labels not matched%n%n", type.code());
        for (int i = 0; i < labels.size(); i++) {
            if (!used[i]) {
                InjectedAnomaly l = labels.get(i);
                out.printf(Locale.UK, "- %s %s %s..%s magnitude %.3f %s%n", l.meterKey(), l.pattern(), l.start(), l.end(),
                        l.magnitude(), l.description());
            }
        }
    }
}
