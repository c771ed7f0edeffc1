package uk.consumptioninsights.model.market;

import uk.consumptioninsights.model.series.HalfHourlySeries;

/** What a scope's consumption emitted and what it was exposed to at the system price, period by period. */
public final class MarketFigures {

    private MarketFigures() {
    }

    /** kg CO2: kWh × gCO2/kWh ÷ 1000, summed over the periods that have an intensity. */
    public static ScopeFigure carbonKg(HalfHourlySeries consumption, PeriodRates gramsPerKwh) {
        return weightedSum(consumption, gramsPerKwh, 1.0 / 1000);
    }

    /** £ of imbalance cost exposure: kWh ÷ 1000 × £/MWh, summed over the periods that have a system price. */
    public static ScopeFigure imbalanceExposureGbp(HalfHourlySeries consumption, PeriodRates gbpPerMwh) {
        return weightedSum(consumption, gbpPerMwh, 1.0 / 1000);
    }

    private static ScopeFigure weightedSum(HalfHourlySeries consumption, PeriodRates rates, double scale) {
        double total = 0;
        int covered = 0;
        int uncovered = 0;
        for (int i = 0; i < consumption.size(); i++) {
            double rate = rates.valueAt(consumption.epochSecondAt(i));
            if (Double.isNaN(rate)) {
                uncovered++;
            } else {
                total += consumption.kwhAt(i) * rate * scale;
                covered++;
            }
        }
        return new ScopeFigure(total, covered, uncovered);
    }
}
