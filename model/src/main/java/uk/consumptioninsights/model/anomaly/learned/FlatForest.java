package uk.consumptioninsights.model.anomaly.learned;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A forest of isolation trees flattened into primitive arrays for fast, branch-free scoring.
 *
 * <p>All trees share one node numbering. Each node has two child slots ({@code info[4g]} left, {@code info[4g+1]}
 * right) and its feature ({@code info[4g+2]}); a leaf points to itself in both, so a sample can be walked a fixed number of steps (the tree's depth) with no
 * leaf test. {@code leafValue[g]} is sklearn's per-leaf contribution {@code (depth + 1) + c(n_node_samples) − 1}, evaluated in
 * that order as {@code _compute_score_samples} does. Immutable and thread-safe.
 */
final class FlatForest {

    private static final int BLOCK = 512;

    /** Per node g: info[4g] left child, info[4g+1] right child, info[4g+2] feature (0 at leaves), info[4g+3] unused. */
    private final int[] info;
    /** As {@link #info} but with the feature pre-multiplied by {@link #BLOCK}, for the blocked batch kernel. */
    private final int[] blockInfo;
    private final double[] threshold;
    private final double[] leafValue;
    private final int[] treeRoot;
    private final int[] treeDepth;
    private final int numFeatures;
    private final boolean float32Inputs;

    private FlatForest(int[] info, double[] threshold, double[] leafValue, int[] treeRoot,
            int[] treeDepth, int numFeatures, boolean float32Inputs) {
        this.info = info;
        this.blockInfo = info.clone();
        for (int g = 0; g < threshold.length; g++) {
            blockInfo[4 * g + 2] = info[4 * g + 2] * BLOCK;
        }
        this.threshold = threshold;
        this.leafValue = leafValue;
        this.treeRoot = treeRoot;
        this.treeDepth = treeDepth;
        this.numFeatures = numFeatures;
        this.float32Inputs = float32Inputs;
    }

    /**
     * @param float32Inputs round each input value to float before comparing, as sklearn does (it validates X to float32
     *                      before {@code tree.apply})
     */
    static FlatForest of(List<ForestTree> trees, int numFeatures, boolean float32Inputs) {
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        int total = 0;
        for (ForestTree t : trees) {
            total += t.nodeCount();
            if (t.maxFeatureIndex() >= numFeatures) {
                throw new IllegalArgumentException("a split uses feature " + t.maxFeatureIndex() + " but only "
                        + numFeatures + " features are declared");
            }
        }
        int[] info = new int[4 * total];
        double[] threshold = new double[total];
        double[] leafValue = new double[total];
        int[] treeRoot = new int[trees.size()];
        int[] treeDepth = new int[trees.size()];
        int base = 0;
        for (int t = 0; t < trees.size(); t++) {
            ForestTree tree = trees.get(t);
            int n = tree.nodeCount();
            int[] left = tree.left();
            int[] right = tree.right();
            int[] depth = new int[n];
            int[] stack = new int[n];
            int top = 0;
            stack[top++] = 0;
            int maxDepth = 0;
            while (top > 0) {
                int node = stack[--top];
                int g = base + node;
                if (left[node] == ForestTree.LEAF) {
                    info[4 * g] = g;
                    info[4 * g + 1] = g;
                    info[4 * g + 2] = 0;
                    threshold[g] = 0.0;
                    double depthNodes = depth[node] + 1.0;
                    leafValue[g] = depthNodes + IsolationMath.averagePathLength(tree.samples()[node]) - 1.0;
                    maxDepth = Math.max(maxDepth, depth[node]);
                } else {
                    info[4 * g] = base + left[node];
                    info[4 * g + 1] = base + right[node];
                    info[4 * g + 2] = tree.features()[node];
                    threshold[g] = tree.thresholds()[node];
                    depth[left[node]] = depth[node] + 1;
                    depth[right[node]] = depth[node] + 1;
                    stack[top++] = left[node];
                    stack[top++] = right[node];
                }
            }
            treeRoot[t] = base;
            treeDepth[t] = maxDepth;
            base += n;
        }
        return new FlatForest(info, threshold, leafValue, treeRoot, treeDepth, numFeatures, float32Inputs);
    }

    /** Appends the arrays to {@code out}; the inverse is {@link #readFrom(java.nio.ByteBuffer)}. */
    void writeTo(java.nio.ByteBuffer out) {
        out.putInt(numFeatures);
        out.put((byte) (float32Inputs ? 1 : 0));
        out.putInt(treeRoot.length);
        out.putInt(threshold.length);
        for (int v : treeRoot) {
            out.putInt(v);
        }
        for (int v : treeDepth) {
            out.putInt(v);
        }
        for (int v : info) {
            out.putInt(v);
        }
        for (double v : threshold) {
            out.putDouble(v);
        }
        for (double v : leafValue) {
            out.putDouble(v);
        }
    }

    int serializedSize() {
        return 4 + 1 + 4 + 4 + 8 * treeRoot.length + 16 * threshold.length + 16 * threshold.length;
    }

    static FlatForest readFrom(java.nio.ByteBuffer in) {
        int numFeatures = in.getInt();
        boolean float32 = in.get() != 0;
        int numTrees = in.getInt();
        int total = in.getInt();
        if (numFeatures < 1 || numTrees < 1 || total < numTrees || (long) total * 32 + numTrees * 8L > in.remaining()) {
            throw new IllegalArgumentException("corrupt isolation forest payload");
        }
        int[] treeRoot = new int[numTrees];
        int[] treeDepth = new int[numTrees];
        int[] info = new int[4 * total];
        double[] threshold = new double[total];
        double[] leafValue = new double[total];
        for (int t = 0; t < numTrees; t++) {
            treeRoot[t] = in.getInt();
        }
        for (int t = 0; t < numTrees; t++) {
            treeDepth[t] = in.getInt();
        }
        for (int k = 0; k < info.length; k++) {
            info[k] = in.getInt();
        }
        for (int k = 0; k < total; k++) {
            threshold[k] = in.getDouble();
        }
        for (int k = 0; k < total; k++) {
            leafValue[k] = in.getDouble();
        }
        for (int g = 0; g < total; g++) {
            if (info[4 * g] < 0 || info[4 * g] >= total || info[4 * g + 1] < 0 || info[4 * g + 1] >= total
                    || info[4 * g + 2] < 0 || info[4 * g + 2] >= numFeatures) {
                throw new IllegalArgumentException("corrupt isolation forest payload at node " + g);
            }
        }
        return new FlatForest(info, threshold, leafValue, treeRoot, treeDepth, numFeatures, float32);
    }

    int numTrees() {
        return treeRoot.length;
    }

    int numFeatures() {
        return numFeatures;
    }

    int nodeCount() {
        return threshold.length;
    }

    /** Number of split nodes per feature, summed over trees. */
    long[] splitCounts() {
        long[] counts = new long[numFeatures];
        for (int g = 0; g < threshold.length; g++) {
            if (info[4 * g] != g) {
                counts[info[4 * g + 2]]++;
            }
        }
        return counts;
    }

    /** Path-length sum over trees for one row (values in feature-index order). */
    double pathLengthSum(double[] row) {
        if (row.length != numFeatures) {
            throw new IllegalArgumentException("expected " + numFeatures + " features, got " + row.length);
        }
        checkNoNaN(row, 1);
        double[] out = new double[1];
        accumulate(row, 1, 0, 1, out);
        return out[0];
    }

    /**
     * Path-length sums for {@code numRows} rows given column-major: value of feature f for row i at
     * {@code columns[f * numRows + i]}. Parallel over blocks of rows.
     */
    double[] pathLengthSums(double[] columns, int numRows) {
        if ((long) numRows * numFeatures != columns.length) {
            throw new IllegalArgumentException("column-major input has " + columns.length + " values, expected "
                    + numRows + " rows × " + numFeatures + " features");
        }
        checkNoNaN(columns, numRows);
        double[] out = new double[numRows];
        int blocks = (numRows + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int count = Math.min(numRows, from + BLOCK) - from;
            // Copy the block into a small buffer (fits L1) with a fixed stride, rounding to float32 once if asked.
            double[] buffer = new double[BLOCK * numFeatures];
            for (int f = 0; f < numFeatures; f++) {
                int src = f * numRows + from;
                int dst = f * BLOCK;
                if (float32Inputs) {
                    for (int j = 0; j < count; j++) {
                        buffer[dst + j] = (float) columns[src + j];
                    }
                } else {
                    System.arraycopy(columns, src, buffer, dst, count);
                }
            }
            accumulateBlock(buffer, count, out, from);
        });
        return out;
    }

    /**
     * The hot loop. Per tree, rows are walked four at a time in lockstep so the CPU overlaps their dependent loads; the
     * child is picked without a branch from the sign bit of {@code threshold − v} ({@code v > threshold} exactly when the
     * difference is negative: IEEE subtraction of finite doubles is zero only for equal operands), so there are no
     * mispredictions; leaves loop to themselves, so every walk is exactly the tree's depth long.
     */
    private void accumulate(double[] x, int stride, int from, int to, double[] out) {
        final int[] info = this.info;
        final double[] threshold = this.threshold;
        final double[] leafValue = this.leafValue;
        final boolean f32 = float32Inputs;
        for (int t = 0; t < treeRoot.length; t++) {
            final int root = treeRoot[t];
            final int depth = treeDepth[t];
            int i = from;
            for (; i + 3 < to; i += 4) {
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                for (int k = 0; k < depth; k++) {
                    n0 = step(info, threshold, x, stride, i, n0, f32);
                    n1 = step(info, threshold, x, stride, i + 1, n1, f32);
                    n2 = step(info, threshold, x, stride, i + 2, n2, f32);
                    n3 = step(info, threshold, x, stride, i + 3, n3, f32);
                }
                out[i] += leafValue[n0];
                out[i + 1] += leafValue[n1];
                out[i + 2] += leafValue[n2];
                out[i + 3] += leafValue[n3];
            }
            for (; i < to; i++) {
                int node = root;
                for (int k = 0; k < depth; k++) {
                    node = step(info, threshold, x, stride, i, node, f32);
                }
                out[i] += leafValue[node];
            }
        }
    }

    /** The batch kernel: eight rows in lockstep over a block buffer with stride {@link #BLOCK}. */
    private void accumulateBlock(double[] buf, int count, double[] out, int outFrom) {
        final int[] info = this.blockInfo;
        final double[] thr = this.threshold;
        final double[] leafValue = this.leafValue;
        for (int t = 0; t < treeRoot.length; t++) {
            final int root = treeRoot[t];
            final int depth = treeDepth[t];
            int j = 0;
            for (; j + 7 < count; j += 8) {
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                int n4 = root;
                int n5 = root;
                int n6 = root;
                int n7 = root;
                for (int k = 0; k < depth; k++) {
                    n0 = info[(n0 << 2) + (int) (Double.doubleToRawLongBits(thr[n0] - buf[info[(n0 << 2) + 2] + j]) >>> 63)];
                    n1 = info[(n1 << 2) + (int) (Double.doubleToRawLongBits(thr[n1] - buf[info[(n1 << 2) + 2] + j + 1]) >>> 63)];
                    n2 = info[(n2 << 2) + (int) (Double.doubleToRawLongBits(thr[n2] - buf[info[(n2 << 2) + 2] + j + 2]) >>> 63)];
                    n3 = info[(n3 << 2) + (int) (Double.doubleToRawLongBits(thr[n3] - buf[info[(n3 << 2) + 2] + j + 3]) >>> 63)];
                    n4 = info[(n4 << 2) + (int) (Double.doubleToRawLongBits(thr[n4] - buf[info[(n4 << 2) + 2] + j + 4]) >>> 63)];
                    n5 = info[(n5 << 2) + (int) (Double.doubleToRawLongBits(thr[n5] - buf[info[(n5 << 2) + 2] + j + 5]) >>> 63)];
                    n6 = info[(n6 << 2) + (int) (Double.doubleToRawLongBits(thr[n6] - buf[info[(n6 << 2) + 2] + j + 6]) >>> 63)];
                    n7 = info[(n7 << 2) + (int) (Double.doubleToRawLongBits(thr[n7] - buf[info[(n7 << 2) + 2] + j + 7]) >>> 63)];
                }
                int o = outFrom + j;
                out[o] += leafValue[n0];
                out[o + 1] += leafValue[n1];
                out[o + 2] += leafValue[n2];
                out[o + 3] += leafValue[n3];
                out[o + 4] += leafValue[n4];
                out[o + 5] += leafValue[n5];
                out[o + 6] += leafValue[n6];
                out[o + 7] += leafValue[n7];
            }
            for (; j < count; j++) {
                int node = root;
                for (int k = 0; k < depth; k++) {
                    node = info[(node << 2) + (int) (Double.doubleToRawLongBits(thr[node] - buf[info[(node << 2) + 2] + j]) >>> 63)];
                }
                out[outFrom + j] += leafValue[node];
            }
        }
    }

    private static int step(int[] info, double[] threshold, double[] x, int stride, int row, int node, boolean f32) {
        int base = node << 2;
        double v = x[info[base + 2] * stride + row];
        if (f32) {
            v = (float) v;
        }
        int right = (int) (Double.doubleToRawLongBits(threshold[node] - v) >>> 63);
        return info[base + right];
    }

    /** NaN has no defined route (sklearn's IsolationForest rejects it too), so refuse it up front. */
    private static void checkNoNaN(double[] values, int numRows) {
        for (int k = 0; k < values.length; k++) {
            if (Double.isNaN(values[k])) {
                throw new IllegalArgumentException("input value is NaN (row " + (k % numRows) + ", feature "
                        + (k / numRows) + "); isolation forests cannot score missing values: impute or drop the row");
            }
        }
    }

    /** Row-major to column-major copy, checking the width of every row. */
    static double[] toColumnMajor(double[][] rows, int numFeatures) {
        int n = rows.length;
        double[] columns = new double[Math.multiplyExact(n, numFeatures)];
        for (int i = 0; i < n; i++) {
            double[] row = rows[i];
            if (row.length != numFeatures) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " values, expected " + numFeatures);
            }
            for (int f = 0; f < numFeatures; f++) {
                columns[f * n + i] = row[f];
            }
        }
        return columns;
    }
}
