package uk.consumptioninsights.dataaccess.octopus;

import java.time.Instant;
import java.util.Optional;

/**
 * What one pull did.
 *
 * @param periodFrom       the start of the half-hours asked for (the end of the last one held, on a refresh)
 * @param intervalsFetched half-hours the API returned, each counted once; 0 when nothing was new
 * @param lastIntervalEnd  the end of the last half-hour now held
 * @param ratesFetched     unit rates fetched for the tariff (0 without a tariff)
 * @param readingsLate     readings the pipeline set aside as arriving after its 48-hour watermark
 * @param note             something the user should know though the pull succeeded (the key could not be saved)
 */
public record OctopusPullReport(OctopusMeter meter, Instant periodFrom, int intervalsFetched,
                                Optional<Instant> lastIntervalEnd, int ratesFetched, long readingsLate,
                                Optional<String> note) {

    /** One line for the status bar. */
    public String summary() {
        String fetched = intervalsFetched == 0 ? "No new half-hours" : intervalsFetched + " new half-hours";
        return fetched + " from Octopus meter " + meter.serialNumber()
                + lastIntervalEnd.map(end -> "; readings held to " + end).orElse("")
                + (ratesFetched > 0 ? "; " + ratesFetched + " unit rates" : "")
                + note.map(n -> ". " + n).orElse("");
    }
}
