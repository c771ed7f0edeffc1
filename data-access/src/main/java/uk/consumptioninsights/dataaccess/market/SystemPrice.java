package uk.consumptioninsights.dataaccess.market;

import java.time.Instant;
import uk.consumptioninsights.model.time.SettlementPeriod;

/** One period's system prices (DISEBSP) in £/MWh, as of the settlement run that created it. */
public record SystemPrice(SettlementPeriod period, Double systemSellPrice, Double systemBuyPrice,
                          Double netImbalanceVolume, String priceDerivationCode, Instant createdTime) {
}
