package uk.consumptioninsights.dataaccess.market;

import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * One named value of a period, as a provider published it: a NESO generation-mix column ({@code WIND},
 * {@code ZERO_CARBON_perc}, {@code CARBON_INTENSITY}) or a Carbon Intensity API fuel's percentage. Kept in long form
 * because NESO has said its column set will change.
 */
public record PeriodMeasure(SettlementPeriod period, String measure, double value) {
}
