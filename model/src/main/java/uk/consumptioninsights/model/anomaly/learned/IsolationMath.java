package uk.consumptioninsights.model.anomaly.learned;

/**
 * The arithmetic of scikit-learn's {@code sklearn/ensemble/_iforest.py}, reproduced operation by operation so that scores
 * agree with the server to the last few bits.
 */
public final class IsolationMath {

    /** {@code np.euler_gamma}. */
    public static final double EULER_GAMMA = 0.5772156649015329;

    private IsolationMath() {
    }

    /**
     * c(n), the average path length of an unsuccessful binary-search-tree search over n points (sklearn's
     * {@code _average_path_length}): 0 for n ≤ 1, 1 for n = 2, else {@code 2(ln(n−1) + γ) − 2(n−1)/n}.
     */
    public static double averagePathLength(long n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        double nd = n;
        return 2.0 * (Math.log(nd - 1.0) + EULER_GAMMA) - 2.0 * (nd - 1.0) / nd;
    }

    /**
     * sklearn's {@code score_samples} from the summed per-tree path lengths: {@code −2^(−sum / (trees · c(maxSamples)))}; when
     * the denominator is 0 (a single training sample) the ratio is taken as 1, as sklearn does.
     */
    public static double scoreFromPathSum(double pathLengthSum, int numTrees, long maxSamples) {
        double denominator = numTrees * averagePathLength(maxSamples);
        double ratio = denominator != 0.0 ? pathLengthSum / denominator : 1.0;
        return -Math.pow(2.0, -ratio);
    }

    /** The height limit sklearn grows each isolation tree to: {@code ceil(log2(max(maxSamples, 2)))}. */
    public static int maxDepth(long maxSamples) {
        long m = Math.max(maxSamples, 2);
        return 64 - Long.numberOfLeadingZeros(m - 1);
    }

    /** {@code np.percentile(values, q)} with numpy's default linear interpolation; sorts a copy. */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of an empty array");
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double pos = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
