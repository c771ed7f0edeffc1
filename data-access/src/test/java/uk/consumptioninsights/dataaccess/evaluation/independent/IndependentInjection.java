package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/**
 * The suite's own injector (INDEPENDENT-SUITE.md), written without the workbench generator's {@code AnomalyInjector}:
 * each household draws at most one event (theft 0.20, malfunction 0.20, maintenance 0.20, none 0.40), then network
 * events are placed across the half around them. Every household has its own random stream keyed by the seed and its
 * LCLid, so its draws depend neither on its position nor on the other households of its half (the two halves do not
 * share a plan), and the network events have one keyed by the seed and the half's households.
 */
public final class IndependentInjection implements HalfInjection {

    public static final double THEFT = 0.20;
    public static final double MALFUNCTION = 0.20;
    public static final double MAINTENANCE = 0.20;

    private final TheftInjection theft = new TheftInjection();
    private final MalfunctionInjection malfunction = new MalfunctionInjection();
    private final MaintenanceInjection maintenance = new MaintenanceInjection();
    private final NetworkOutageInjection network = new NetworkOutageInjection();

    @Override
    public InjectedHalf inject(List<HouseholdSeries> households, long seed) {
        List<HouseholdSeries> injected = new ArrayList<>(households.size());
        List<InjectedAnomaly> labels = new ArrayList<>();
        Map<String, EventSpan> busy = new HashMap<>();
        for (HouseholdSeries household : households) {
            SplittableRandom random = stream(seed, household.householdId());
            HouseholdSeries copy = household.copy();
            Optional<InjectedAnomaly> label = copy.size() == 0 ? Optional.empty() : perHousehold(copy, random);
            label.ifPresent(l -> {
                labels.add(l);
                busy.put(l.meterKey(), new EventSpan(l.start().getEpochSecond(), l.end().getEpochSecond()));
            });
            injected.add(copy);
        }
        String half = "network " + String.join(",", households.stream().map(HouseholdSeries::householdId).toList());
        NetworkOutageInjection.Outcome outages = network.inject(injected, busy, stream(seed, half));
        labels.addAll(outages.labels());
        return new InjectedHalf(outages.households(), labels);
    }

    static SplittableRandom stream(long seed, String key) {
        // One nextLong mixes the combined bits, so neighbouring keys do not give overlapping sequences.
        return new SplittableRandom(new SplittableRandom(seed ^ ((long) key.hashCode() << 32)).nextLong());
    }

    private Optional<InjectedAnomaly> perHousehold(HouseholdSeries series, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < THEFT) {
            return theft.inject(series, random);
        }
        if (u < THEFT + MALFUNCTION) {
            return malfunction.inject(series, random);
        }
        if (u < THEFT + MALFUNCTION + MAINTENANCE) {
            return maintenance.inject(series, random);
        }
        return Optional.empty();
    }
}
