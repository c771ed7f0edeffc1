package uk.consumptioninsights.dataaccess.market;

import java.util.List;
import uk.consumptioninsights.model.market.FuelShares;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * The stacked fuel mix over a range, column by column for charting a year without an object per point: MW per fuel
 * type and period (NaN where the fuel has no row), and each fuel's share of the period's generation in %.
 */
public final class FuelMix {

    private final List<SettlementPeriod> periods;
    private final List<String> fuels;
    private final double[][] mw;
    private final double[][] percent;

    /** @param mw {@code mw[fuel][period]}; taken over, not copied */
    FuelMix(List<SettlementPeriod> periods, List<String> fuels, double[][] mw) {
        this.periods = List.copyOf(periods);
        this.fuels = List.copyOf(fuels);
        this.mw = mw;
        this.percent = new double[fuels.size()][periods.size()];
        double[] column = new double[fuels.size()];
        for (int p = 0; p < periods.size(); p++) {
            for (int f = 0; f < column.length; f++) {
                column[f] = mw[f][p];
            }
            double[] shares = FuelShares.percent(column);
            for (int f = 0; f < column.length; f++) {
                percent[f][p] = shares[f];
            }
        }
    }

    /** Periods in time order. */
    public List<SettlementPeriod> periods() {
        return periods;
    }

    /** Fuel types in alphabetical order, as Elexon names them (new interconnectors appear as they are sent). */
    public List<String> fuels() {
        return fuels;
    }

    public int size() {
        return periods.size();
    }

    /** Average MW of the fuel over the period; negative for exports; NaN when not reported. */
    public double mw(int fuel, int period) {
        return mw[fuel][period];
    }

    /** The fuel's share of the period's generation, %; exports and missing rows are 0. */
    public double percent(int fuel, int period) {
        return percent[fuel][period];
    }

    public double mw(String fuel, int period) {
        return mw(fuels.indexOf(fuel), period);
    }

    public double percent(String fuel, int period) {
        return percent(fuels.indexOf(fuel), period);
    }
}
