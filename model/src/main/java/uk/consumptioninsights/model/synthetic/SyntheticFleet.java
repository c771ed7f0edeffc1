package uk.consumptioninsights.model.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.meter.Mpan;

/** Builds the meters of a synthetic fleet: valid MPANs spread over the 14 GSP groups roughly by population. */
public final class SyntheticFleet {

    /** Relative number of metering points per GSP group, in {@link GspGroup} declaration order (approximate). */
    private static final double[] GROUP_WEIGHT = {10, 8, 9, 6, 8, 5, 8, 9, 8, 4, 5, 8, 7, 3};

    private SyntheticFleet() {
    }

    public static List<SyntheticMeter> meters(FleetSettings settings) {
        GspGroup[] groups = GspGroup.values();
        double totalWeight = 0;
        for (double w : GROUP_WEIGHT) {
            totalWeight += w;
        }
        List<SyntheticMeter> meters = new ArrayList<>(settings.meterCount());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < settings.meterCount(); i++) {
            SplitMix random = new SplitMix(settings.seed(), 1, i);
            // The first 14 meters cover every group so even a tiny fleet has all of them.
            GspGroup group = i < groups.length ? groups[i] : pick(groups, totalWeight, random.nextDouble());
            Mpan mpan;
            do {
                mpan = Mpan.of(group.distributorId(), (random.nextLong() >>> 1) % 10_000_000_000L);
            } while (!seen.add(mpan.core()));
            boolean business = random.nextDouble() < settings.smallBusinessShare();
            double annual = business
                    ? clamp(20_000 * random.lognormalUnitMean(0.6), 6_000, 80_000)
                    : clamp(2_700 * random.lognormalUnitMean(0.35), 900, 9_000);
            boolean ev = !business && random.nextDouble() < 0.05;
            meters.add(new SyntheticMeter(i, mpan, group, business ? CustomerClass.SMALL_BUSINESS : CustomerClass.DOMESTIC,
                    annual, ev));
        }
        return meters;
    }

    private static GspGroup pick(GspGroup[] groups, double totalWeight, double u) {
        double target = u * totalWeight;
        for (int g = 0; g < groups.length; g++) {
            target -= GROUP_WEIGHT[g];
            if (target < 0) {
                return groups[g];
            }
        }
        return groups[groups.length - 1];
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
