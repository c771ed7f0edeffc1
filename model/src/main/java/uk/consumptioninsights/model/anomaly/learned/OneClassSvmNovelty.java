package uk.consumptioninsights.model.anomaly.learned;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Novelty from Tribuo's LibSVM one-class SVM on standardised features ({@link OneClassSvmScorer}). The decision value f
 * (positive inside the learned support) is mapped to {@code 1 / (1 + exp(f / s))}, s = the median |f| of the training
 * rows: monotone, so it ranks exactly as −f does, and in (0, 1) with ordinary rows below 0.5.
 *
 * @param nu    upper bound on the share of ordinary rows flagged; small, so it does not flag half of everything
 * @param gamma RBF γ on the standardised features; ≤ 0 means 1 / number of features
 */
public record OneClassSvmNovelty(double nu, double gamma) implements NoveltyScorer {

    public static OneClassSvmNovelty defaults() {
        return new OneClassSvmNovelty(OneClassSvmScorer.DEFAULT_NU, 0);
    }

    /**
     * Features constant over the ordinary rows are left out: they cannot be standardised (their standard deviation is 0,
     * which would make every value NaN) and carry nothing the SVM could learn.
     */
    @Override
    public double[] fitAndScore(List<String> featureNames, double[][] ordinary, double[][] queries, long seed) {
        int[] kept = IntStream.range(0, featureNames.size()).filter(f -> varies(ordinary, f)).toArray();
        if (kept.length == 0) {
            double[] neutral = new double[queries.length];
            Arrays.fill(neutral, 0.5);
            return neutral;
        }
        List<String> names = Arrays.stream(kept).mapToObj(featureNames::get).toList();
        OneClassSvmScorer svm = OneClassSvmScorer.train(names, select(ordinary, kept), nu, gamma,
                OneClassSvmScorer.DEFAULT_MAX_TRAINING_ROWS, seed);
        double[] training = svm.decisionFunction(select(ordinary, kept));
        for (int i = 0; i < training.length; i++) {
            training[i] = Math.abs(training[i]);
        }
        Arrays.sort(training);
        double scale = Math.max(1e-9, training[training.length / 2]);
        double[] scores = svm.decisionFunction(select(queries, kept));
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 1 / (1 + Math.exp(scores[i] / scale));
        }
        return scores;
    }

    private static boolean varies(double[][] rows, int f) {
        for (double[] row : rows) {
            if (row[f] != rows[0][f]) {
                return true;
            }
        }
        return false;
    }

    private static double[][] select(double[][] rows, int[] columns) {
        double[][] out = new double[rows.length][columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < columns.length; k++) {
                out[i][k] = rows[i][columns[k]];
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "ocsvm";
    }
}
