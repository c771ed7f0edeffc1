package uk.consumptioninsights.model.anomaly.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IsolationMathTest {

    @Test
    void averagePathLengthMatchesSklearn() {
        assertThat(IsolationMath.averagePathLength(0)).isZero();
        assertThat(IsolationMath.averagePathLength(1)).isZero();
        assertThat(IsolationMath.averagePathLength(2)).isEqualTo(1.0);
        // 2(ln 2 + γ) − 4/3
        assertThat(IsolationMath.averagePathLength(3)).isCloseTo(1.207392357589623, within(1e-15));
        // 2(ln 3 + γ) − 3/2
        assertThat(IsolationMath.averagePathLength(4)).isCloseTo(1.8516559071392855, within(1e-15));
        // ψ = 256, the paper's normaliser ≈ 10.24
        assertThat(IsolationMath.averagePathLength(256)).isCloseTo(10.244770920119917, within(1e-13));
        assertThat(IsolationMath.averagePathLength(1000)).isCloseTo(12.969940887100174, within(1e-13));
    }

    @Test
    void maxDepthIsCeilLog2() {
        assertThat(IsolationMath.maxDepth(1)).isEqualTo(1);
        assertThat(IsolationMath.maxDepth(2)).isEqualTo(1);
        assertThat(IsolationMath.maxDepth(3)).isEqualTo(2);
        assertThat(IsolationMath.maxDepth(256)).isEqualTo(8);
        assertThat(IsolationMath.maxDepth(257)).isEqualTo(9);
    }

    @Test
    void scoreFormula() {
        // E(h) = c(ψ) gives exactly 2^-1.
        double c = IsolationMath.averagePathLength(256);
        assertThat(IsolationMath.scoreFromPathSum(100 * c, 100, 256)).isEqualTo(-0.5);
        assertThat(IsolationMath.scoreFromPathSum(0, 100, 256)).isEqualTo(-1.0);
        // a single training sample: sklearn sets the ratio to 1
        assertThat(IsolationMath.scoreFromPathSum(0, 10, 1)).isEqualTo(-0.5);
    }

    @Test
    void percentileInterpolatesLinearlyLikeNumpy() {
        double[] v = {4, 1, 3, 2, 5};
        assertThat(IsolationMath.percentile(v, 0)).isEqualTo(1);
        assertThat(IsolationMath.percentile(v, 100)).isEqualTo(5);
        assertThat(IsolationMath.percentile(v, 10)).isCloseTo(1.4, within(1e-12));
        assertThat(IsolationMath.percentile(v, 50)).isEqualTo(3);
    }
}
