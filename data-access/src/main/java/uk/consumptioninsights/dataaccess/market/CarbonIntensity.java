package uk.consumptioninsights.dataaccess.market;

import uk.consumptioninsights.model.time.SettlementPeriod;

/** National carbon intensity of a period in gCO2/kWh: the forecast, and the actual once known (else null). */
public record CarbonIntensity(SettlementPeriod period, Integer forecast, Integer actual, String index) {
}
