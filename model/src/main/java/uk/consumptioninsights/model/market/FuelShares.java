package uk.consumptioninsights.model.market;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each fuel's share of one period's generation, in percent. Interconnector exports and pumping arrive as negative MW;
 * they are not generation, so they count as 0 % and stay out of the total the shares divide by.
 */
public final class FuelShares {

    private FuelShares() {
    }

    /** The same over one period's MW per fuel as an array; NaN (no row) counts as no generation. */
    public static double[] percent(double[] mw) {
        double total = 0;
        for (double value : mw) {
            total += value > 0 ? value : 0;
        }
        double[] shares = new double[mw.length];
        for (int i = 0; i < mw.length; i++) {
            shares[i] = total > 0 && mw[i] > 0 ? 100 * mw[i] / total : 0;
        }
        return shares;
    }

    public static Map<String, Double> percent(Map<String, Double> mwByFuel) {
        double total = 0;
        for (double mw : mwByFuel.values()) {
            total += Math.max(0, mw);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : mwByFuel.entrySet()) {
            shares.put(e.getKey(), total > 0 ? 100 * Math.max(0, e.getValue()) / total : 0.0);
        }
        return shares;
    }
}
