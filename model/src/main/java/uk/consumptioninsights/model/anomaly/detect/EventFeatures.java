package uk.consumptioninsights.model.anomaly.detect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The named features of an event window: one meter's readings from index {@code from} (inclusive) to {@code to}
 * (exclusive). The same vector describes a detection's window and an ordinary window of the fleet, so a learned scorer
 * trained on ordinary windows can say how unusual each detection is, whatever its type. Every feature is a mean, share
 * or extreme over the window (not a sum), so windows of different lengths are comparable; heavy-tailed values are
 * compressed with {@link #signedLog2} so a single 40 kWh spike does not swamp everything else.
 *
 * <table>
 *   <caption>Features, in {@link #NAMES} order</caption>
 *   <tr><th>name</th><th>definition</th><th>what it catches</th></tr>
 *   <tr><td>{@code duration_log2}</td><td>log2 of the number of readings in the window</td>
 *       <td>conditions the others: a long low spell is ordinary for an hour, unusual for a fortnight</td></tr>
 *   <tr><td>{@code profile_dev_mean}</td><td>signedLog2 of the mean {@link Features#profileDeviation robust deviation}
 *       from the meter's own weekday × period profile</td><td>sustained drops (theft, zero runs) and rises (drift)</td></tr>
 *   <tr><td>{@code profile_dev_abs_mean}</td><td>log2(1 + mean |robust deviation|)</td>
 *       <td>a changed shape even when the level holds (stuck values, shifted load)</td></tr>
 *   <tr><td>{@code profile_dev_peak}</td><td>signedLog2 of the largest robust deviation</td>
 *       <td>spikes and repeated outliers, which a mean dilutes</td></tr>
 *   <tr><td>{@code rolling_z_mean}</td><td>signedLog2 of the mean {@link Features#rollingZ rolling z-score} against the
 *       previous week ({@value #ROLLING_WINDOW} readings)</td><td>sudden changes against the recent past</td></tr>
 *   <tr><td>{@code peer_ratio_log2}</td><td>log2 of (actual + ε) / (expected + ε), expected = Σ own profile median ×
 *       the GSP group's {@link FleetContext peer index} that day, ε = {@value #EPSILON_KWH} kWh per reading</td>
 *       <td>level against own baseline and peers together: weather and holidays cancel</td></tr>
 *   <tr><td>{@code identical_run_log2}</td><td>log2(1 + longest run of identical non-zero consecutive readings inside the
 *       window)</td><td>stuck registers</td></tr>
 *   <tr><td>{@code zero_share}</td><td>share of readings exactly 0</td><td>zero runs, supply loss</td></tr>
 *   <tr><td>{@code negative_share}</td><td>share of readings below 0</td><td>negative readings on an import meter</td></tr>
 *   <tr><td>{@code peer_zero_share}</td><td>mean share of the GSP group's meters reading 0 in the same half-hours, minus the
 *       group's usual zero share</td><td>area co-occurrence: network events</td></tr>
 * </table>
 */
public final class EventFeatures {

    /** Feature names, in the order of every vector this class returns. */
    public static final List<String> NAMES = List.of("duration_log2", "profile_dev_mean", "profile_dev_abs_mean",
            "profile_dev_peak", "rolling_z_mean", "peer_ratio_log2", "identical_run_log2", "zero_share", "negative_share",
            "peer_zero_share");

    /** Rolling z-scores compare each reading with the previous week. */
    public static final int ROLLING_WINDOW = 336;
    /** Keeps the level ratio finite for meters that read (close to) nothing: 10 Wh per half-hour. */
    public static final double EPSILON_KWH = 0.01;

    private EventFeatures() {
    }

    /**
     * The feature vector of readings {@code [from, to)} of meter {@code meterIndex}.
     *
     * @param rollingZ the meter's {@link Features#rollingZ} over {@value #ROLLING_WINDOW} readings (see
     *                 {@link #rollingZ}), computed once per meter and shared by its windows
     */
    static double[] of(FleetContext context, int meterIndex, double[] rollingZ, int from, int to) {
        if (!(from >= 0 && to > from)) {
            throw new IllegalArgumentException("An event window needs at least one reading, got [" + from + ", " + to + ")");
        }
        MeterBaseline b = context.meters[meterIndex];
        FleetContext.Group group = context.group(b.meter.gspGroup());
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        int n = to - from;
        double devSum = 0;
        double absDevSum = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double zSum = 0;
        double actual = 0;
        double expected = 0;
        int zeros = 0;
        int negatives = 0;
        double groupZero = 0;
        int run = 0;
        int longestRun = 0;
        for (int i = from; i < to; i++) {
            int bucket = b.bucket(i);
            double median = b.profileMedian[bucket];
            double dev = Features.profileDeviation(x[i], median, b.profileMad[bucket]);
            devSum += dev;
            absDevSum += Math.abs(dev);
            peak = Math.max(peak, dev);
            zSum += rollingZ[i];
            int d = b.day[i];
            double peer = d >= 0 && d < group.peerIndex.length && group.peerIndex[d] > 0 ? group.peerIndex[d] : 1;
            expected += median * peer;
            actual += x[i];
            if (x[i] == 0) {
                zeros++;
            } else if (x[i] < 0) {
                negatives++;
            }
            groupZero += group.zeroShare(context.calendar.halfHourIndex(t[i]));
            boolean continues = i > from && x[i] == x[i - 1] && t[i] - t[i - 1] == Features.HALF_HOUR;
            run = x[i] == 0 ? 0 : continues ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
        }
        double epsilon = EPSILON_KWH * n;
        return new double[] {
                log2(n),
                signedLog2(devSum / n),
                log2(1 + absDevSum / n),
                signedLog2(peak),
                signedLog2(zSum / n),
                log2((Math.max(actual, 0) + epsilon) / (Math.max(expected, 0) + epsilon)),
                log2(1 + longestRun),
                (double) zeros / n,
                (double) negatives / n,
                groupZero / n - group.meanZeroShare};
    }

    /**
     * A window of one meter's readings, by position in its series: {@code [from, to)}. Positions rather than times,
     * because a provider notebook that computes the same features names its windows the same way.
     */
    public record Window(String meterKey, int from, int to) {

        public Window {
            Objects.requireNonNull(meterKey, "meterKey");
        }
    }

    /**
     * The feature vectors of {@code windows}, in order, each in {@link #NAMES} order. For scoring outside
     * {@link LearnedRanking}, e.g. with a provider's exported forest, whose features must be computed exactly as here.
     */
    public static double[][] of(FleetContext context, List<Window> windows) {
        Map<String, Integer> meterIndex = new HashMap<>();
        for (int m = 0; m < context.meterCount(); m++) {
            meterIndex.put(context.meters[m].meter.meterKey(), m);
        }
        Map<Integer, double[]> rollingZ = new HashMap<>();
        double[][] rows = new double[windows.size()][];
        for (int w = 0; w < rows.length; w++) {
            Window window = windows.get(w);
            Integer m = meterIndex.get(window.meterKey());
            if (m == null) {
                throw new IllegalArgumentException("Window of meter " + window.meterKey() + ", which is not in the fleet");
            }
            if (window.to() > context.meters[m].meter.size()) {
                throw new IllegalArgumentException("Window [" + window.from() + ", " + window.to() + ") of meter "
                        + window.meterKey() + " ends after its " + context.meters[m].meter.size() + " readings");
            }
            double[] z = rollingZ.computeIfAbsent(m, meter -> rollingZ(context, meter));
            rows[w] = of(context, m, z, window.from(), window.to());
        }
        return rows;
    }

    /** The rolling z-scores a meter's windows share. */
    static double[] rollingZ(FleetContext context, int meterIndex) {
        return Features.rollingZ(context.meters[meterIndex].meter.kwhView(), ROLLING_WINDOW);
    }

    /** {@code sign(v) · log2(1 + |v|)}: monotone, 0 at 0, and compresses heavy tails on both sides. */
    public static double signedLog2(double v) {
        return Math.signum(v) * log2(1 + Math.abs(v));
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
