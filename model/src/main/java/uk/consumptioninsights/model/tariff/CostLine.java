package uk.consumptioninsights.model.tariff;

import java.time.Instant;
import java.util.List;

/**
 * The cost of each half-hour that has a unit rate, and the half-hours that have none (rates not published yet, or
 * outside what was fetched): these are left out of the total rather than charged at zero.
 */
public record CostLine(List<PeriodCost> periods, List<Instant> unpriced) {

    public CostLine {
        periods = List.copyOf(periods);
        unpriced = List.copyOf(unpriced);
    }

    public double totalPence() {
        double total = 0;
        for (PeriodCost period : periods) {
            total += period.costPence();
        }
        return total;
    }
}
