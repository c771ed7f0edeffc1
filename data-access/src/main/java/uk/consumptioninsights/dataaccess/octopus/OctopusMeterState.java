package uk.consumptioninsights.dataaccess.octopus;

import java.time.Instant;
import java.util.Optional;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * What the workspace holds of an Octopus meter: where its history starts, the end of the last half-hour held (the
 * next refresh starts there) and when it was last pulled.
 */
public record OctopusMeterState(OctopusMeter meter, GspGroup gspGroup, Optional<TariffCode> tariff,
                                Instant historyFrom, Optional<Instant> lastIntervalEnd, Instant lastPullAt) {

    /** Where the next pull starts: after the last half-hour held, or at the start of the history asked for. */
    public Instant nextPullFrom() {
        return lastIntervalEnd.orElse(historyFrom);
    }
}
