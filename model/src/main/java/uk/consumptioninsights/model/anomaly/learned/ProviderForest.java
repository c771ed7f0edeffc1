package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;

/**
 * The server's fitted scikit-learn {@code IsolationForest}, exported tree by tree (see
 * {@code notebooks/provider-forest-format.md}), scored here with exactly sklearn's arithmetic: inputs rounded to float32 as
 * sklearn's input validation does; go left when {@code x[feature] <= threshold}; a leaf when {@code children_left == -1};
 * per tree {@code (depth + 1) + c(n_node_samples[leaf]) − 1}; summed over trees;
 * {@code score_samples = −2^(−sum / (n_trees · c(max_samples)))}; {@code decision_function = score_samples − offset}.
 *
 * @param trees        the estimators, in {@code estimators_} order; split features index {@code featureNames}
 * @param offset       sklearn's {@code offset_} (−0.5 for contamination "auto")
 * @param maxSamples   sklearn's {@code max_samples_} (ψ, the sub-sample size each tree was grown on)
 * @param featureNames the input columns, in the order the server fed them ({@code feature_names_in_})
 */
public record ProviderForest(List<ForestTree> trees, double offset, long maxSamples, List<String> featureNames) {

    public ProviderForest {
        trees = List.copyOf(trees);
        featureNames = List.copyOf(featureNames);
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a provider forest needs at least one tree");
        }
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("a provider forest needs at least one feature name");
        }
        if (maxSamples < 1) {
            throw new IllegalArgumentException("max_samples must be at least 1, got " + maxSamples);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be a finite number, got " + offset);
        }
        for (int t = 0; t < trees.size(); t++) {
            int max = trees.get(t).maxFeatureIndex();
            if (max >= featureNames.size()) {
                throw new IllegalArgumentException("tree " + t + " splits on feature " + max + " but only "
                        + featureNames.size() + " feature names are given");
            }
        }
    }

    public int numFeatures() {
        return featureNames.size();
    }

    /**
     * Flattens the trees once into a {@link ProviderForestScorer}; keep it when scoring row by row. The batch methods below
     * compile on every call (cheap next to a batch).
     */
    public ProviderForestScorer compile() {
        return new ProviderForestScorer(this, FlatForest.of(trees, numFeatures(), true));
    }

    /** sklearn's {@code score_samples} for row-major input (values in {@link #featureNames()} order); lower = more anomalous. */
    public double[] scoreSamples(double[][] rows) {
        return compile().scoreSamples(rows);
    }

    /** sklearn's {@code decision_function} for row-major input: negative = outlier. */
    public double[] decisionFunction(double[][] rows) {
        return compile().decisionFunction(rows);
    }
}
