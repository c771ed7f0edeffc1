package uk.consumptioninsights.model.anomaly.learned;

import java.util.Arrays;

/**
 * One fitted isolation tree in scikit-learn's {@code tree_} layout: node 0 is the root; a node is a leaf when
 * {@code childrenLeft[node] == -1} (then {@code childrenRight[node]} must be -1 too); a sample goes left when
 * {@code x[feature[node]] <= threshold[node]}; {@code nNodeSamples[node]} is the number of training (sub-)samples that reached
 * the node. {@code feature} holds input-column indices (already mapped through {@code estimators_features_} if the forest
 * sub-sampled features). The constructor checks the structure (equal lengths, child indices in range, no node reached twice,
 * so no cycles) and copies the arrays.
 */
public record ForestTree(int[] childrenLeft, int[] childrenRight, int[] feature, double[] threshold, long[] nNodeSamples) {

    /** sklearn's {@code TREE_LEAF}. */
    public static final int LEAF = -1;

    public ForestTree {
        if (childrenLeft == null || childrenRight == null || feature == null || threshold == null || nNodeSamples == null) {
            throw new IllegalArgumentException("all five node arrays are required");
        }
        int n = childrenLeft.length;
        if (n == 0) {
            throw new IllegalArgumentException("a tree needs at least one node");
        }
        if (childrenRight.length != n || feature.length != n || threshold.length != n || nNodeSamples.length != n) {
            throw new IllegalArgumentException("node arrays have different lengths: children_left " + n + ", children_right "
                    + childrenRight.length + ", feature " + feature.length + ", threshold " + threshold.length
                    + ", n_node_samples " + nNodeSamples.length);
        }
        childrenLeft = childrenLeft.clone();
        childrenRight = childrenRight.clone();
        feature = feature.clone();
        threshold = threshold.clone();
        nNodeSamples = nNodeSamples.clone();
        for (int i = 0; i < n; i++) {
            int l = childrenLeft[i];
            int r = childrenRight[i];
            if ((l == LEAF) != (r == LEAF)) {
                throw new IllegalArgumentException("node " + i + ": children_left = " + l + " but children_right = " + r
                        + " (a leaf has -1 in both, a split node has a child index in both)");
            }
            if (l != LEAF) {
                checkChild(i, "children_left", l, n);
                checkChild(i, "children_right", r, n);
                if (feature[i] < 0) {
                    throw new IllegalArgumentException("node " + i + " is a split node but has feature = " + feature[i]);
                }
                if (Double.isNaN(threshold[i])) {
                    throw new IllegalArgumentException("node " + i + " is a split node but has threshold NaN");
                }
            }
            if (nNodeSamples[i] < 0) {
                throw new IllegalArgumentException("node " + i + ": n_node_samples = " + nNodeSamples[i] + " is negative");
            }
        }
        // Walk from the root: every node may be reached at most once, otherwise the "tree" has a cycle or a shared child.
        boolean[] seen = new boolean[n];
        int[] stack = new int[n + 1];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        while (top > 0) {
            int node = stack[--top];
            if (childrenLeft[node] == LEAF) {
                continue;
            }
            for (int child : new int[] {childrenLeft[node], childrenRight[node]}) {
                if (seen[child]) {
                    throw new IllegalArgumentException("node " + child + " is reached twice (from node " + node
                            + "): the child links contain a cycle or a shared child, so this is not a tree");
                }
                seen[child] = true;
                stack[top++] = child;
            }
        }
    }

    private static void checkChild(int node, String array, int child, int n) {
        if (child < 0 || child >= n) {
            throw new IllegalArgumentException("node " + node + ": " + array + " = " + child + " is out of range 0.." + (n - 1));
        }
        if (child == node) {
            throw new IllegalArgumentException("node " + node + ": " + array + " points to the node itself (a cycle)");
        }
    }

    public int nodeCount() {
        return childrenLeft.length;
    }

    /** n_node_samples of the root: the sub-sample size the tree was grown on. */
    public long nSamplesAtRoot() {
        return nNodeSamples[0];
    }

    /** The largest input-column index used by a split node, or -1 for a single-leaf tree. */
    public int maxFeatureIndex() {
        int max = -1;
        for (int i = 0; i < childrenLeft.length; i++) {
            if (childrenLeft[i] != LEAF) {
                max = Math.max(max, feature[i]);
            }
        }
        return max;
    }

    @Override
    public int[] childrenLeft() {
        return childrenLeft.clone();
    }

    @Override
    public int[] childrenRight() {
        return childrenRight.clone();
    }

    @Override
    public int[] feature() {
        return feature.clone();
    }

    @Override
    public double[] threshold() {
        return threshold.clone();
    }

    @Override
    public long[] nNodeSamples() {
        return nNodeSamples.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForestTree t && Arrays.equals(childrenLeft, t.childrenLeft)
                && Arrays.equals(childrenRight, t.childrenRight) && Arrays.equals(feature, t.feature)
                && Arrays.equals(threshold, t.threshold) && Arrays.equals(nNodeSamples, t.nNodeSamples);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(childrenLeft) * 31 + Arrays.hashCode(threshold);
    }

    @Override
    public String toString() {
        return "ForestTree[" + childrenLeft.length + " nodes]";
    }

    /** Package-private raw access for {@link FlatForest}, avoiding copies. */
    int[] left() {
        return childrenLeft;
    }

    int[] right() {
        return childrenRight;
    }

    int[] features() {
        return feature;
    }

    double[] thresholds() {
        return threshold;
    }

    long[] samples() {
        return nNodeSamples;
    }
}
