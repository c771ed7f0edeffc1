package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.util.List;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;

/** A half's households after one seed's injection, and the labels of what was injected (meter key = LCLid). */
public record InjectedHalf(List<HouseholdSeries> households, List<InjectedAnomaly> labels) {

    public InjectedHalf {
        households = List.copyOf(households);
        labels = List.copyOf(labels);
    }
}
