package uk.consumptioninsights.dataaccess.market;

import java.util.Map;
import uk.consumptioninsights.model.time.SettlementPeriod;

/** One period of the stacked fuel mix: MW per fuel type, and each fuel's share of the period's generation in %. */
public record FuelMixPeriod(SettlementPeriod period, Map<String, Double> mw, Map<String, Double> percent) {
}
