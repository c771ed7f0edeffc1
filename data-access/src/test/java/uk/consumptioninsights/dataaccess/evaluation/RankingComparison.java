package uk.consumptioninsights.dataaccess.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.DetectionMetrics;
import uk.consumptioninsights.model.anomaly.detect.FleetContext;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.LearnedRanking;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.anomaly.learned.OneClassSvmNovelty;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.work.Progress;

/**
 * One evaluation set's detections, each with the parts of both learned rankings (Isolation Forest, the default, and the
 * one-class SVM alternative), pooled over runs; prints PR-AUC and precision@k ranking by (a) the detector's score,
 * (b) the learned score alone and (c) the final ranking value that is written to {@code learned_score}.
 */
final class RankingComparison {

    static final int[] KS = {10, 50, 100};
    static final double[] WEIGHTS = {0, 0.25, 0.5, 0.75, 1};

    /** A detection with the two scorers' novelty of its window. */
    record Row(Detection detection, double forest, double svm) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<InjectedAnomaly> labels = new ArrayList<>();
    private int meters;
    private double rulesSeconds;
    private double forestSeconds;
    private double svmSeconds;

    /** Runs the rules and both learned scorers over one window and keeps the results (times the three steps). */
    void run(FleetWindow window, List<InjectedAnomaly> windowLabels) {
        long t0 = System.nanoTime();
        FleetContext context = FleetContext.build(window, Progress.NONE);
        List<Detection> detections = Rescoring.rulesOnly().detect(context, Progress.NONE);
        long t1 = System.nanoTime();
        LearnedRanking.Ranked forest = LearnedRanking.defaults().rank(context, detections, Progress.NONE);
        long t2 = System.nanoTime();
        LearnedRanking.Ranked svm = new LearnedRanking(OneClassSvmNovelty.defaults(),
                LearnedRanking.DEFAULT_NOVELTY_WEIGHT, LearnedRanking.DEFAULT_SEED).rank(context, detections, Progress.NONE);
        long t3 = System.nanoTime();
        rulesSeconds += (t1 - t0) / 1e9;
        forestSeconds += (t2 - t1) / 1e9;
        svmSeconds += (t3 - t2) / 1e9;
        for (int i = 0; i < detections.size(); i++) {
            rows.add(new Row(detections.get(i), forest.novelty()[i], svm.novelty()[i]));
        }
        labels.addAll(windowLabels);
        meters += window.meters().size();
    }

    String timing() {
        return String.format(Locale.UK, "rules %.2f s, iForest ranking %.2f s, OCSVM ranking %.2f s", rulesSeconds,
                forestSeconds, svmSeconds);
    }

    private List<Detection> detections() {
        return rows.stream().map(Row::detection).toList();
    }

    private double[] novelty(boolean forest) {
        return rows.stream().mapToDouble(r -> forest ? r.forest() : r.svm()).toArray();
    }

    /**
     * The production ranking value over the pooled detections, as if they came from one rescoring (runs pooled over
     * seeds would otherwise each have their own type calibration).
     */
    private double[] ranking(boolean forest, double noveltyWeight) {
        return LearnedRanking.rankingValues(detections(), novelty(forest), noveltyWeight);
    }

    /** Rejected alternative, kept for the record: w × novelty + (1 − w) × within-type percentile of the detector score. */
    private double[] percentileBlend(boolean forest, double noveltyWeight) {
        double[] percentile = LearnedRanking.typePercentiles(detections());
        double[] novelty = novelty(forest);
        double[] values = new double[percentile.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = noveltyWeight * novelty[i] + (1 - noveltyWeight) * percentile[i];
        }
        return values;
    }

    private double[] detectorScores() {
        return rows.stream().mapToDouble(r -> r.detection().score()).toArray();
    }

    private List<DetectionMetrics.Result> metrics(double[] key, boolean withoutNetwork) {
        List<Detection> keyed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Detection d = rows.get(i).detection();
            if (!withoutNetwork || d.type() != AnomalyType.NETWORK_ANOMALY) {
                keyed.add(d.withLearnedScore(Math.max(0, Math.min(1, key[i]))));
            }
        }
        List<InjectedAnomaly> used = withoutNetwork
                ? labels.stream().filter(l -> l.type() != AnomalyType.NETWORK_ANOMALY).toList() : labels;
        return DetectionMetrics.evaluate(keyed, used, Detection::learnedScore, KS);
    }

    /** The main table: (a) detector score, (b) Isolation-Forest score, (c) the final ranking value. */
    void printTable() {
        List<double[]> keys = List.of(detectorScores(), novelty(true), ranking(true, LearnedRanking.DEFAULT_NOVELTY_WEIGHT));
        List<List<DetectionMetrics.Result>> all = keys.stream().map(k -> metrics(k, false)).toList();
        List<List<DetectionMetrics.Result>> noNetwork = keys.stream().map(k -> metrics(k, true)).toList();
        System.out.println("| type | labels | base rate (labelled meters) | detections | TP | recall | PR-AUC (a) / (b) / (c) "
                + "| P@10 (a) / (b) / (c) | P@50 (a) / (b) / (c) | P@100 (a) / (b) / (c) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---|---|---|");
        int pooled = all.get(0).size() - 1;
        for (int i = 0; i <= pooled; i++) {
            printRow(i == pooled ? "ALL (pooled)" : all.get(0).get(i).type().code(), all, i, false);
        }
        printRow("ALL but network (pooled)", noNetwork, pooled, true);
        System.out.printf(Locale.UK, "| ALL (macro mean of type APs) | | | | | | %s | | | |%n",
                triple(all, DetectionMetrics::macroAveragePrecision, "%.3f"));
        if (Boolean.getBoolean("eval.showFalsePositives")) {
            printTopFalsePositives();
        }
    }

    /** The five highest-scored false positives of each type, with the labels on the same meter. */
    private void printTopFalsePositives() {
        for (AnomalyType type : AnomalyType.values()) {
            rows.stream().map(Row::detection).filter(d -> d.type() == type)
                    .filter(d -> labels.stream().noneMatch(l -> l.meterKey().equals(d.meterKey()) && l.type() == type
                            && d.start().isBefore(l.end()) && l.start().isBefore(d.end())))
                    .sorted(Comparator.comparingDouble(Detection::score).reversed()).limit(5)
                    .forEach(d -> System.out.printf(Locale.UK, "  FP %s %.3f %s %s: %s | labels on meter: %s%n", type.code(),
                            d.score(), d.pattern(), d.meterKey(), d.reason(), labels.stream()
                                    .filter(l -> l.meterKey().equals(d.meterKey())).map(InjectedAnomaly::pattern).toList()));
        }
    }

    private void printRow(String name, List<List<DetectionMetrics.Result>> byKey, int i, boolean withoutNetwork) {
        DetectionMetrics.Result first = byKey.get(0).get(i);
        long labelledMeters = labels.stream()
                .filter(l -> first.type() == null ? !withoutNetwork || l.type() != AnomalyType.NETWORK_ANOMALY : l.type() == first.type())
                .map(InjectedAnomaly::meterKey).distinct().count();
        System.out.printf(Locale.UK, "| %s | %d | %.4f | %d | %d | %.3f | %s | %s | %s | %s |%n", name, first.labels(),
                (double) labelledMeters / meters, first.detections(), first.truePositives(), first.recall(),
                triple(byKey, r -> r.get(i).averagePrecision(), "%.3f"), triple(byKey, r -> r.get(i).precisionAtK()[0], "%.2f"),
                triple(byKey, r -> r.get(i).precisionAtK()[1], "%.2f"), triple(byKey, r -> r.get(i).precisionAtK()[2], "%.2f"));
    }

    private static String triple(List<List<DetectionMetrics.Result>> byKey,
                                 ToDoubleFunction<List<DetectionMetrics.Result>> value, String format) {
        List<String> parts = new ArrayList<>();
        for (List<DetectionMetrics.Result> results : byKey) {
            parts.add(String.format(Locale.UK, format, value.applyAsDouble(results)));
        }
        return String.join(" / ", parts);
    }

    /**
     * Isolation Forest against the one-class SVM, and the novelty weight w of the ranking value (w = 0: the detector's
     * score calibrated type by type, w = 1: the learned score alone), plus the rejected percentile blend.
     */
    void printScorerAndWeightSweep() {
        System.out.println("| scorer | ranking value | PR-AUC pooled | pooled but network | macro | theft | meter_malfunction | network_anomaly | maintenance |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        printSweepRow("—", "detector score", detectorScores());
        for (boolean forest : new boolean[] {true, false}) {
            String scorer = forest ? "iforest" : "ocsvm";
            for (double w : WEIGHTS) {
                printSweepRow(scorer, String.format(Locale.UK, "calibrated, w = %.2f", w), ranking(forest, w));
            }
            printSweepRow(scorer, "percentile blend, w = 0.50", percentileBlend(forest, 0.5));
        }
    }

    private void printSweepRow(String scorer, String value, double[] key) {
        List<DetectionMetrics.Result> all = metrics(key, false);
        List<DetectionMetrics.Result> noNetwork = metrics(key, true);
        StringBuilder perType = new StringBuilder();
        for (int i = 0; i < AnomalyType.values().length; i++) {
            perType.append(String.format(Locale.UK, " %.3f |", all.get(i).averagePrecision()));
        }
        System.out.printf(Locale.UK, "| %s | %s | %.3f | %.3f | %.3f |%s%n", scorer, value,
                all.get(all.size() - 1).averagePrecision(), noNetwork.get(noNetwork.size() - 1).averagePrecision(),
                DetectionMetrics.macroAveragePrecision(all), perType);
    }
}
