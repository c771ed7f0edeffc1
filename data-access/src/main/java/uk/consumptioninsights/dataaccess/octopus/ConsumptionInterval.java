package uk.consumptioninsights.dataaccess.octopus;

import java.time.Instant;

/** One half-hour of consumption as the API reports it, its local-time stamps already turned into instants. */
public record ConsumptionInterval(Instant start, Instant end, double kwh) {
}
