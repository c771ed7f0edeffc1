package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;

/**
 * Novelty from an {@link IsolationForestModel} trained with sklearn's defaults (contamination "auto"): the paper's
 * anomaly score {@code s = 2^(−E[h(x)] / c(ψ)) = −score_samples(x)}, which is already in (0, 1]: about 0.5 and below for
 * ordinary rows, towards 1 for rows that the trees isolate in few splits.
 *
 * @param trees      number of isolation trees (sklearn's {@code n_estimators})
 * @param maxSamples ψ, rows per tree (sklearn's {@code max_samples}); {@link IsolationForestTrainer#AUTO_MAX_SAMPLES}
 *                   for min(256, n)
 */
public record IsolationForestNovelty(int trees, int maxSamples) implements NoveltyScorer {

    /** sklearn's defaults: 100 trees, ψ = 256. */
    public static IsolationForestNovelty defaults() {
        return new IsolationForestNovelty(100, 256);
    }

    @Override
    public double[] fitAndScore(List<String> featureNames, double[][] ordinary, double[][] queries, long seed) {
        IsolationForestTrainer trainer = new IsolationForestTrainer(trees, maxSamples,
                IsolationForestTrainer.AUTO_CONTAMINATION, seed);
        IsolationForestModel model = trainer.train(AnomalyDatasets.expected("ordinary event windows", featureNames, ordinary));
        double[] scores = model.scoreSamplesColumnMajor(columnsInModelOrder(model.featureNames(), featureNames, queries),
                queries.length);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -scores[i];
        }
        return scores;
    }

    @Override
    public String name() {
        return "iforest";
    }

    /** The model's columns are in its feature map's (name) order; rows are in {@code featureNames} order. */
    private static double[] columnsInModelOrder(List<String> modelOrder, List<String> featureNames, double[][] rows) {
        int n = rows.length;
        double[] columns = new double[Math.multiplyExact(n, modelOrder.size())];
        for (int f = 0; f < modelOrder.size(); f++) {
            int source = featureNames.indexOf(modelOrder.get(f));
            if (source < 0) {
                throw new IllegalStateException("The model knows feature " + modelOrder.get(f) + " but rows have " + featureNames);
            }
            for (int i = 0; i < n; i++) {
                columns[f * n + i] = rows[i][source];
            }
        }
        return columns;
    }
}
