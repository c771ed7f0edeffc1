package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.dataaccess.importer.LondonCsvImport;
import uk.consumptioninsights.model.synthetic.AnomalyInjector;
import uk.consumptioninsights.model.synthetic.AnomalyPlan;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.synthetic.MeterSlot;

/**
 * The workbench generator's own injector ({@link AnomalyInjector}) on a half, so its figures can be set beside the
 * independent suite's through the same product path. Events are planned over the half's span after its first 28 days,
 * the window the independent injector uses too.
 */
public final class GeneratorInjection implements HalfInjection {

    private final InjectionRates rates;

    public GeneratorInjection(InjectionRates rates) {
        this.rates = rates;
    }

    @Override
    public InjectedHalf inject(List<HouseholdSeries> households, long seed) {
        List<HouseholdSeries> withData = households.stream().filter(h -> h.size() > 0).toList();
        long from = withData.stream().mapToLong(HouseholdSeries::firstReading).min().orElseThrow()
                + InjectionBounds.BASELINE_SECONDS;
        long to = withData.stream().mapToLong(HouseholdSeries::lastReading).max().orElseThrow() + HouseholdSeries.HALF_HOUR;
        List<MeterSlot> slots = withData.stream().map(h -> new MeterSlot(h.householdId(), LondonCsvImport.GSP_GROUP)).toList();
        AnomalyPlan plan = new AnomalyInjector(seed, rates).plan(slots, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
        List<HouseholdSeries> injected = new ArrayList<>(households.size());
        List<InjectedAnomaly> labels = new ArrayList<>();
        for (HouseholdSeries household : households) {
            HouseholdSeries copy = household.copy();
            if (copy.size() > 0) {
                labels.addAll(plan.inject(new MeterSlot(copy.householdId(), LondonCsvImport.GSP_GROUP),
                        copy.epochSeconds(), copy.kwh()));
            }
            injected.add(copy);
        }
        return new InjectedHalf(injected, labels);
    }
}
