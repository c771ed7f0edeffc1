package uk.consumptioninsights.model.market;

/**
 * A figure summed over the periods of a scope (kg CO2, £ of imbalance exposure), with how many periods it covers, so
 * the UI can say when market data was missing for part of the scope instead of showing a quietly low total.
 *
 * @param total           the sum over the covered periods
 * @param periodsCovered  periods with both consumption and a market value
 * @param periodsUncovered periods with consumption but no market value (left out of the total)
 */
public record ScopeFigure(double total, int periodsCovered, int periodsUncovered) {

    public boolean complete() {
        return periodsUncovered == 0;
    }
}
