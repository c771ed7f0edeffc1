package uk.consumptioninsights.model.synthetic;

/**
 * Deterministic random numbers keyed by (seed, stream): each meter and each day draws from its own stream, so
 * results do not depend on generation order or thread count, and the same seed gives the same data.
 */
final class SplitMix {

    private long state;

    SplitMix(long seed, long... stream) {
        long s = mix(seed);
        for (long k : stream) {
            s = mix(s ^ (k + 0x9E3779B97F4A7C15L));
        }
        this.state = s;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    int nextInt(int boundExclusive) {
        return (int) ((nextLong() >>> 33) % boundExclusive);
    }

    int between(int loInclusive, int hiInclusive) {
        return loInclusive + nextInt(hiInclusive - loInclusive + 1);
    }

    double gaussian() {
        double u1 = Math.max(nextDouble(), 1e-12);
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Lognormal multiplier with mean 1 and the given coefficient of variation. */
    double lognormalUnitMean(double cv) {
        double sigma2 = Math.log(1 + cv * cv);
        return Math.exp(Math.sqrt(sigma2) * gaussian() - sigma2 / 2);
    }
}
