package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Network anomaly: area co-occurrence. A half-hour is a group loss when the share of the GSP group's meters reading
 * zero reaches {@link #lossThreshold} (at least {@value #MIN_SHARE} and well above the group's usual zero share), and a
 * group spike when at least {@value #MIN_SHARE} of them read more than 3 × their own profile + 0.5 kWh. Each meter that
 * takes part gets one detection per run of such half-hours (labels are per meter), scored by the share of the group
 * affected. Groups with fewer than {@value #MIN_GROUP_METERS} meters are not assessed.
 */
public final class NetworkDetector implements AnomalyDetector {

    static final double MIN_SHARE = 0.3;
    static final int MIN_GROUP_METERS = 5;

    @Override
    public AnomalyType type() {
        return AnomalyType.NETWORK_ANOMALY;
    }

    @Override
    public String name() {
        return "rules.network.v1";
    }

    /** Zero share of a group's meters that marks a half-hour as a group-wide loss. */
    static double lossThreshold(FleetContext.Group group) {
        return Math.max(MIN_SHARE, 3 * group.meanZeroShare + 0.1);
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        FleetContext.Group group = context.group(b.meter.gspGroup());
        double threshold = lossThreshold(group);
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        List<Detection> out = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            int h = context.calendar.halfHourIndex(t[i]);
            boolean loss = x[i] == 0 && enough(group, h) && group.zeroShare(h) >= threshold;
            boolean spike = !loss && x[i] > 3 * b.expected(i) + 0.5 && enough(group, h) && group.highShare(h) >= MIN_SHARE;
            if (!loss && !spike) {
                i++;
                continue;
            }
            int j = i;
            double shareSum = 0;
            int peak = 0;
            while (j < x.length && MalfunctionDetector.contiguous(t, i, j)) {
                int hj = context.calendar.halfHourIndex(t[j]);
                boolean more = loss ? x[j] == 0 && enough(group, hj) && group.zeroShare(hj) >= threshold
                        : x[j] > 3 * b.expected(j) + 0.5 && enough(group, hj) && group.highShare(hj) >= MIN_SHARE;
                if (!more) {
                    break;
                }
                shareSum += loss ? group.zeroShare(hj) : group.highShare(hj);
                peak = Math.max(peak, loss ? group.zero[hj] : group.high[hj]);
                j++;
            }
            double share = shareSum / (j - i);
            double score = Math.min(1, 0.3 + 0.7 * share);
            double expected = 0;
            double actual = 0;
            for (int k = i; k < j; k++) {
                expected += b.expected(k);
                actual += x[k];
            }
            String reason = String.format(Locale.UK, loss
                            ? "No consumption for %d half-hour%s while on average %.0f%% of GSP group %s's meters (up to %d) also read zero at the same time"
                            : "Consumption far above normal for %d half-hour%s while on average %.0f%% of GSP group %s's meters (up to %d) spiked at the same time",
                    j - i, j - i == 1 ? "" : "s", 100 * share, b.meter.gspGroup().code(), peak);
            out.add(new Detection(b.meter.meterKey(), type(), loss ? "group_loss" : "group_spike",
                    Detection.severityFor(type(), score), score, Instant.ofEpochSecond(t[i]),
                    Instant.ofEpochSecond(t[j - 1] + Features.HALF_HOUR), expected, actual, reason));
            i = j;
        }
        return out;
    }

    private static boolean enough(FleetContext.Group group, int h) {
        return h >= 0 && group.present[h] >= MIN_GROUP_METERS;
    }
}
