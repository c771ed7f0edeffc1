package uk.consumptioninsights.model.anomaly.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Meter malfunction: hard and run-length rules on one meter's readings.
 *
 * <ul>
 *   <li>negative: any run of readings below zero on an import meter (score 0.9–1);</li>
 *   <li>above ceiling: readings above {@value ReadingFlag#CEILING_KWH} kWh, which no whole-current supply can deliver
 *       (score 0.95); like negative ones they are kept flagged and never counted as consumption;</li>
 *   <li>spike: a reading above {@value #PHYSICAL_MAX_KWH} kWh, beyond a 100 A domestic supply, and above twice the
 *       meter's own profile (so large business meters are not flagged for their normal load); score 0.6–0.9 rising
 *       with the ratio to the profile;</li>
 *   <li>stuck: the same non-zero value for at least {@value #MIN_STUCK_RUN} half-hours (score 0.4–0.9 rising with length);</li>
 *   <li>zero run: zeros for at least {@value #MIN_ZERO_RUN} half-hours while the GSP group is not losing supply at the
 *       same time (score 0.4–0.9 rising with length, lowered for meters that often read zero in their baseline).</li>
 * </ul>
 */
public final class MalfunctionDetector implements AnomalyDetector {

    static final double PHYSICAL_MAX_KWH = 12;
    static final int MIN_STUCK_RUN = 8;
    static final int MIN_ZERO_RUN = 6;

    @Override
    public AnomalyType type() {
        return AnomalyType.METER_MALFUNCTION;
    }

    @Override
    public String name() {
        return "rules.malfunction.v1";
    }

    @Override
    public List<Detection> detect(FleetContext context, int meterIndex) {
        MeterBaseline b = context.meters[meterIndex];
        FleetContext.Group group = context.group(b.meter.gspGroup());
        double networkShare = NetworkDetector.lossThreshold(group);
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        List<Detection> out = new ArrayList<>();
        int n = x.length;
        int i = 0;
        while (i < n) {
            if (x[i] < 0) {
                int j = i;
                double min = 0;
                while (j < n && x[j] < 0 && contiguous(t, i, j)) {
                    min = Math.min(min, x[j]);
                    j++;
                }
                double score = 0.9 + 0.1 * Math.min(1, -min / 2);
                out.add(detection(b, "negative", score, i, j, String.format(Locale.UK,
                        "%d negative reading%s (down to %.3f kWh) on an import meter, which cannot record negative "
                                + "consumption: kept flagged and left out of every total", j - i, j - i == 1 ? "" : "s", min)));
                i = j;
            } else if (x[i] > ReadingFlag.CEILING_KWH) {
                int j = i;
                double max = 0;
                while (j < n && x[j] > ReadingFlag.CEILING_KWH && contiguous(t, i, j)) {
                    max = Math.max(max, x[j]);
                    j++;
                }
                out.add(detection(b, "above_ceiling", 0.95, i, j, String.format(Locale.UK,
                        "%d reading%s up to %.1f kWh in a half-hour, more than the %.0f kWh any household or small "
                                + "business supply can deliver: kept flagged and left out of every total",
                        j - i, j - i == 1 ? "" : "s", max, ReadingFlag.CEILING_KWH)));
                i = j;
            } else if (x[i] > PHYSICAL_MAX_KWH && x[i] > 2 * b.expected(i)) {
                int j = i;
                double max = 0;
                while (j < n && x[j] > PHYSICAL_MAX_KWH && x[j] <= ReadingFlag.CEILING_KWH && x[j] > 2 * b.expected(j)
                        && contiguous(t, i, j)) {
                    max = Math.max(max, x[j]);
                    j++;
                }
                double score = 0.6 + 0.3 * Math.min(1, (max / Math.max(b.expected(i), 0.5) - 2) / 8);
                out.add(detection(b, "spike", score, i, j, String.format(Locale.UK,
                        "%.1f kWh in a half-hour, more than the %.0f kWh a 100 A domestic supply can deliver "
                                + "(this meter usually reads %.2f kWh then)", max, PHYSICAL_MAX_KWH, b.expected(i))));
                i = j;
            } else {
                int j = i + 1;
                while (j < n && x[j] == x[i] && contiguous(t, i, j)) {
                    j++;
                }
                int len = j - i;
                if (x[i] > 0 && len >= MIN_STUCK_RUN) {
                    double score = 0.4 + 0.5 * (1 - Math.exp(-(len - MIN_STUCK_RUN + 1) / 16.0));
                    out.add(detection(b, "stuck", score, i, j, String.format(Locale.UK,
                            "The meter read exactly %.3f kWh for %d half-hours in a row (%.1f hours); "
                                    + "real consumption varies from one half-hour to the next", x[i], len, len / 2.0)));
                } else if (x[i] == 0 && len >= MIN_ZERO_RUN && !duringGroupLoss(context, group, t, i, j, networkShare)) {
                    double lengthFactor = 1 - Math.exp(-(len - MIN_ZERO_RUN + 1) / 48.0);
                    double habit = Math.min(1, b.baselineZeroShare * 10);
                    double score = 0.4 + 0.5 * lengthFactor * (1 - 0.8 * habit);
                    out.add(detection(b, "zero_run", score, i, j, String.format(Locale.UK,
                            "Zero readings for %d half-hours (%.1f hours) while other meters in GSP group %s kept "
                                    + "reading; this meter read zero in %.1f%% of its usual half-hours",
                            len, len / 2.0, b.meter.gspGroup().code(), 100 * b.baselineZeroShare)));
                }
                i = j;
            }
        }
        return out;
    }

    private static boolean duringGroupLoss(FleetContext context, FleetContext.Group group, long[] t, int from, int to,
                                           double threshold) {
        int inLoss = 0;
        for (int k = from; k < to; k++) {
            if (group.zeroShare(context.calendar.halfHourIndex(t[k])) >= threshold) {
                inLoss++;
            }
        }
        return inLoss * 2 >= to - from;
    }

    static boolean contiguous(long[] t, int runStart, int j) {
        return j == runStart || t[j] - t[j - 1] == Features.HALF_HOUR;
    }

    private Detection detection(MeterBaseline b, String pattern, double score, int from, int to, String reason) {
        long[] t = b.meter.epochSecondsView();
        double[] x = b.meter.kwhView();
        double expected = 0;
        double actual = 0;
        for (int k = from; k < to; k++) {
            expected += b.expected(k);
            actual += x[k];
        }
        return new Detection(b.meter.meterKey(), type(), pattern, Detection.severityFor(type(), score), score,
                Instant.ofEpochSecond(t[from]), Instant.ofEpochSecond(t[to - 1] + Features.HALF_HOUR), expected, actual, reason);
    }
}
