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
