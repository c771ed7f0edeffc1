package uk.consumptioninsights.dataaccess.market;

import uk.consumptioninsights.model.time.SettlementPeriod;

/** System sell and buy price of one period, £/MWh. */
public record SystemPricePeriod(SettlementPeriod period, Double systemSellPrice, Double systemBuyPrice) {
}
