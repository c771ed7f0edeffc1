package uk.consumptioninsights.dataaccess.market;

import java.time.Instant;
import uk.consumptioninsights.model.time.SettlementPeriod;

/** Initial national demand (INDO) and transmission system demand (ITSDO) outturn in MW; null when not yet known. */
public record DemandOutturn(SettlementPeriod period, Double nationalDemandMw, Double transmissionDemandMw,
                            Instant publishTime) {
}
