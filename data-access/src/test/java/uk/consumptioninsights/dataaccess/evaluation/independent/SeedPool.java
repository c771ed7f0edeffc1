package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.DetectionMetrics;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * One half's product-path runs, pooled over seeds. Meter keys of detections and labels alike become {@code LCLid#seed},
 * so each seed's households stay distinct meters and a detection can only match its own seed's labels.
 */
public final class SeedPool {

    public static final int[] KS = {10, 50, 100};

    /**
     * Per type, the detector's score: within a type it is the order of learned_score in every rescoring (the learned
     * ranking reorders types against each other only), and unlike learned_score it is comparable between rescorings,
     * so the seeds can be pooled. See INDEPENDENT-SUITE.md, "Amendment".
     */
    public static final ToDoubleFunction<Detection> RANKING = Detection::score;

    /** What the Anomalies tab sorts by: the learned score, the detector's score where there is none. */
    public static final ToDoubleFunction<Detection> LEARNED = d -> d.hasLearnedScore() ? d.learnedScore() : d.score();

    /** One seed's run through the product path. */
    public record Run(long seed, int households, int labels, ProductPathRun.Outcome outcome) {
    }

    private final List<Detection> detections = new ArrayList<>();
    private final List<InjectedAnomaly> labels = new ArrayList<>();
    private final List<Run> runs = new ArrayList<>();

    public void add(long seed, int households, List<InjectedAnomaly> seedLabels, ProductPathRun.Outcome outcome) {
        for (InjectedAnomaly l : seedLabels) {
            labels.add(new InjectedAnomaly(key(l.meterKey(), seed), l.type(), l.pattern(), l.start(), l.end(), l.magnitude(),
                    l.description()));
        }
        for (Detection d : outcome.detections()) {
            detections.add(new Detection(key(d.meterKey(), seed), d.type(), d.pattern(), d.severity(), d.score(), d.start(),
                    d.end(), d.expectedKwh(), d.actualKwh(), d.reason(), d.learnedScore()));
        }
        runs.add(new Run(seed, households, seedLabels.size(), outcome));
    }

    static String key(String meterKey, long seed) {
        return meterKey + "#" + seed;
    }

    public List<Detection> detections() {
        return List.copyOf(detections);
    }

    public List<InjectedAnomaly> labels() {
        return List.copyOf(labels);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** Per type in the types' order, then all types pooled. */
    public List<DetectionMetrics.Result> metrics() {
        return DetectionMetrics.evaluate(detections, labels, RANKING, KS);
    }

    /** As {@link #metrics()}, ranked by learned_score pooled over the seeds' separate rescorings, for comparison. */
    public List<DetectionMetrics.Result> metricsByLearnedScore() {
        return DetectionMetrics.evaluate(detections, labels, LEARNED, KS);
    }

    public List<PatternRecall> patternRecall() {
        return PatternRecall.of(detections, labels, RANKING);
    }
}
