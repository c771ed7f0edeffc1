package uk.consumptioninsights.model.tariff;

import java.time.Instant;

/** The cost of one half-hour: its kWh times the unit rate (VAT included) in force at its start. */
public record PeriodCost(Instant intervalStart, double kwh, double pencePerKwh, double costPence) {
}
