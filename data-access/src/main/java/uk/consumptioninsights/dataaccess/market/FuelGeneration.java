package uk.consumptioninsights.dataaccess.market;

import java.time.Instant;
import uk.consumptioninsights.model.time.SettlementPeriod;

/** One FUELHH row: a fuel type's average MW over a settlement period (negative for interconnector exports). */
public record FuelGeneration(SettlementPeriod period, String fuelType, double generationMw, Instant publishTime) {
}
