package uk.consumptioninsights.model.anomaly.learned;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Trainer;
import org.tribuo.anomaly.Event;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains an {@link IsolationForestModel} with scikit-learn's {@code IsolationForest} semantics: each of {@code numTrees}
 * trees is grown on ψ rows drawn without replacement (ψ = {@code maxSamples}, "auto" = min(256, n), capped at n), to height
 * {@code ceil(log2 ψ)}; at each node a feature is drawn among those not constant in the node and a threshold uniformly in
 * [min, max) of that feature; samples go left when {@code x <= threshold}. The offset is −0.5 for contamination "auto"
 * ({@code contamination <= 0}), else the {@code 100·contamination} percentile of the training scores.
 *
 * <p>Labels are ignored (the method is unsupervised). Seedable and reproducible: each {@code train} call uses
 * {@code rng.split()} of the seeded generator, and {@link #setInvocationCount(int)} replays that sequence. The numbers are
 * not sklearn's (its RNG stream cannot be reproduced); score the server's own trees with {@link ProviderForest} for parity.
 */
public final class IsolationForestTrainer implements Trainer<Event> {

    /** {@code maxSamples} value meaning sklearn's "auto": min(256, n). */
    public static final int AUTO_MAX_SAMPLES = -1;
    /** {@code contamination} value meaning sklearn's "auto": offset −0.5. */
    public static final double AUTO_CONTAMINATION = -1.0;

    @Config(description = "Number of isolation trees (sklearn n_estimators).")
    private int numTrees = 100;

    @Config(description = "Rows per tree (sklearn max_samples); -1 = auto = min(256, n); capped at n.")
    private int maxSamples = AUTO_MAX_SAMPLES;

    @Config(description = "Expected outlier share in (0, 0.5] that sets the offset; <= 0 = auto (offset -0.5).")
    private double contamination = AUTO_CONTAMINATION;

    @Config(description = "Seed for the random number generator.")
    private long seed = Trainer.DEFAULT_SEED;

    private SplittableRandom rng;
    private int invocationCount = 0;

    /** For OLCUT; call {@link #postConfig()} after setting fields. Defaults: 100 trees, auto ψ, auto contamination. */
    public IsolationForestTrainer() {
    }

    public IsolationForestTrainer(int numTrees, int maxSamples, double contamination, long seed) {
        this.numTrees = numTrees;
        this.maxSamples = maxSamples;
        this.contamination = contamination;
        this.seed = seed;
        postConfig();
    }

    /** 100 trees, ψ auto, contamination auto. */
    public IsolationForestTrainer(long seed) {
        this(100, AUTO_MAX_SAMPLES, AUTO_CONTAMINATION, seed);
    }

    @Override
    public synchronized void postConfig() {
        if (numTrees < 1) {
            throw new IllegalArgumentException("numTrees must be at least 1, got " + numTrees);
        }
        if (maxSamples == 0 || maxSamples < AUTO_MAX_SAMPLES) {
            throw new IllegalArgumentException("maxSamples must be positive or -1 (auto), got " + maxSamples);
        }
        if (contamination > 0.5 || Double.isNaN(contamination)) {
            throw new IllegalArgumentException("contamination must be in (0, 0.5] or <= 0 for auto, got " + contamination);
        }
        this.rng = new SplittableRandom(seed);
        this.invocationCount = 0;
    }

    @Override
    public IsolationForestModel train(Dataset<Event> data) {
        return train(data, Map.of());
    }

    @Override
    public IsolationForestModel train(Dataset<Event> data, Map<String, Provenance> runProvenance, int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocation);
        }
        return train(data, runProvenance);
    }

    @Override
    public IsolationForestModel train(Dataset<Event> data, Map<String, Provenance> runProvenance) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train an isolation forest on an empty dataset");
        }
        ImmutableFeatureMap featureMap = data.getFeatureIDMap();
        int d = featureMap.size();
        if (d == 0) {
            throw new IllegalArgumentException("the dataset has no features");
        }
        SplittableRandom local;
        TrainerProvenance trainerProvenance;
        synchronized (this) {
            local = rng.split();
            trainerProvenance = getProvenance();
            invocationCount++;
        }
        int n = data.size();
        double[] columns = new double[Math.multiplyExact(n, d)];
        int i = 0;
        for (Example<Event> example : data) {
            for (Feature f : example) {
                int id = featureMap.getID(f.getName());
                if (id >= 0) {
                    columns[id * n + i] = f.getValue();
                }
            }
            i++;
        }
        Fit fit = fit(columns, n, d, local);
        ModelProvenance provenance = new ModelProvenance(IsolationForestModel.class.getName(), OffsetDateTime.now(),
                data.getProvenance(), trainerProvenance, runProvenance);
        return new IsolationForestModel("isolation-forest", provenance, featureMap, data.getOutputIDInfo(), fit.forest,
                fit.offset, fit.psi);
    }

    record Fit(FlatForest forest, double offset, long psi, List<ForestTree> trees) {
    }

    /** The array-level fit, shared with tests; {@code columns} is column-major (feature f of row i at f·n + i). */
    Fit fit(double[] columns, int n, int d, SplittableRandom random) {
        int psi = maxSamples == AUTO_MAX_SAMPLES ? Math.min(256, n) : Math.min(maxSamples, n);
        int maxDepth = IsolationMath.maxDepth(psi);
        List<ForestTree> trees = new ArrayList<>(numTrees);
        int[] all = new int[n];
        for (int k = 0; k < n; k++) {
            all[k] = k;
        }
        for (int t = 0; t < numTrees; t++) {
            // Partial Fisher–Yates: the first psi entries become a uniform sample without replacement.
            for (int k = 0; k < psi; k++) {
                int j = k + random.nextInt(n - k);
                int tmp = all[k];
                all[k] = all[j];
                all[j] = tmp;
            }
            int[] sample = java.util.Arrays.copyOf(all, psi);
            trees.add(new TreeBuilder(columns, n, d, maxDepth, random).build(sample));
        }
        FlatForest forest = FlatForest.of(trees, d, false);
        double offset;
        if (contamination <= 0) {
            offset = -0.5;
        } else {
            double[] sums = forest.pathLengthSums(columns, n);
            for (int k = 0; k < n; k++) {
                sums[k] = IsolationMath.scoreFromPathSum(sums[k], numTrees, psi);
            }
            offset = IsolationMath.percentile(sums, 100.0 * contamination);
        }
        return new Fit(forest, offset, psi, List.copyOf(trees));
    }

    /** Grows one tree over the sampled row indices into sklearn-style node arrays. */
    private static final class TreeBuilder {
        private final double[] x;
        private final int n;
        private final int d;
        private final int maxDepth;
        private final SplittableRandom random;
        private final int[] featureOrder;
        private int size;
        private int[] left;
        private int[] right;
        private int[] feature;
        private double[] threshold;
        private long[] samples;

        TreeBuilder(double[] x, int n, int d, int maxDepth, SplittableRandom random) {
            this.x = x;
            this.n = n;
            this.d = d;
            this.maxDepth = maxDepth;
            this.random = random;
            this.featureOrder = new int[d];
        }

        ForestTree build(int[] rows) {
            int capacity = 2 * rows.length - 1;
            left = new int[capacity];
            right = new int[capacity];
            feature = new int[capacity];
            threshold = new double[capacity];
            samples = new long[capacity];
            size = 0;
            grow(rows, 0, rows.length, 0);
            return new ForestTree(java.util.Arrays.copyOf(left, size), java.util.Arrays.copyOf(right, size),
                    java.util.Arrays.copyOf(feature, size), java.util.Arrays.copyOf(threshold, size),
                    java.util.Arrays.copyOf(samples, size));
        }

        private int grow(int[] rows, int from, int to, int depth) {
            int node = size++;
            int count = to - from;
            samples[node] = count;
            left[node] = ForestTree.LEAF;
            right[node] = ForestTree.LEAF;
            feature[node] = -2; // sklearn's TREE_UNDEFINED
            threshold[node] = -2.0;
            if (depth >= maxDepth || count <= 1) {
                return node;
            }
            // Draw features without replacement until one is not constant in this node (sklearn's random splitter).
            for (int f = 0; f < d; f++) {
                featureOrder[f] = f;
            }
            for (int remaining = d; remaining > 0; remaining--) {
                int pick = random.nextInt(remaining);
                int f = featureOrder[pick];
                featureOrder[pick] = featureOrder[remaining - 1];
                int base = f * n;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = from; k < to; k++) {
                    double v = x[base + rows[k]];
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
                if (!(max > min)) {
                    continue; // constant (or NaN) here: try another feature
                }
                double thr = min + random.nextDouble() * (max - min);
                if (thr >= max) {
                    thr = min;
                }
                // Partition: rows with x <= thr first.
                int lo = from;
                int hi = to - 1;
                while (lo <= hi) {
                    if (x[base + rows[lo]] <= thr) {
                        lo++;
                    } else {
                        int tmp = rows[lo];
                        rows[lo] = rows[hi];
                        rows[hi] = tmp;
                        hi--;
                    }
                }
                feature[node] = f;
                threshold[node] = thr;
                int l = grow(rows, from, lo, depth + 1);
                int r = grow(rows, lo, to, depth + 1);
                left[node] = l;
                right[node] = r;
                return node;
            }
            return node; // every feature constant: leaf
        }
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be non-negative, got " + count);
        }
        rng = new SplittableRandom(seed);
        for (int k = 0; k < count; k++) {
            rng.split();
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "IsolationForestTrainer(numTrees=" + numTrees + ",maxSamples=" + maxSamples + ",contamination="
                + contamination + ",seed=" + seed + ")";
    }
}
