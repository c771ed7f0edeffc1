package uk.consumptioninsights.model.anomaly.learned;

/**
 * A {@link ProviderForest} compiled to flat arrays (see {@link ProviderForest#compile()}). Immutable and thread-safe; the
 * batch methods score in parallel over blocks of rows.
 */
public final class ProviderForestScorer {

    private final ProviderForest forest;
    private final FlatForest flat;

    ProviderForestScorer(ProviderForest forest, FlatForest flat) {
        this.forest = forest;
        this.flat = flat;
    }

    public ProviderForest forest() {
        return forest;
    }

    /** sklearn's {@code score_samples} for one row, in [−1, 0): lower = more anomalous. */
    public double scoreSample(double[] row) {
        return IsolationMath.scoreFromPathSum(flat.pathLengthSum(row), flat.numTrees(), forest.maxSamples());
    }

    /** sklearn's {@code decision_function} for one row: negative = outlier. */
    public double decisionFunction(double[] row) {
        return scoreSample(row) - forest.offset();
    }

    public double[] scoreSamples(double[][] rows) {
        return scoreSamplesColumnMajor(FlatForest.toColumnMajor(rows, flat.numFeatures()), rows.length);
    }

    /** Column-major input: the value of feature f for row i at {@code columns[f * numRows + i]}. */
    public double[] scoreSamplesColumnMajor(double[] columns, int numRows) {
        double[] sums = flat.pathLengthSums(columns, numRows);
        int numTrees = flat.numTrees();
        long maxSamples = forest.maxSamples();
        for (int i = 0; i < sums.length; i++) {
            sums[i] = IsolationMath.scoreFromPathSum(sums[i], numTrees, maxSamples);
        }
        return sums;
    }

    public double[] decisionFunction(double[][] rows) {
        return minusOffset(scoreSamples(rows));
    }

    public double[] decisionFunctionColumnMajor(double[] columns, int numRows) {
        return minusOffset(scoreSamplesColumnMajor(columns, numRows));
    }

    private double[] minusOffset(double[] scores) {
        double offset = forest.offset();
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scores[i] - offset;
        }
        return scores;
    }
}
