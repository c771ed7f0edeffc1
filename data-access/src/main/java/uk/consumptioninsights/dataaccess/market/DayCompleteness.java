package uk.consumptioninsights.dataaccess.market;

import java.time.Instant;
import java.time.LocalDate;

/** How much of a settlement day a dataset holds: periods received of the 46, 48 or 50 expected. */
public record DayCompleteness(MarketDataset dataset, LocalDate settlementDate, int periodsExpected,
                              int periodsReceived, Instant fetchedAt) {

    public boolean complete() {
        return periodsReceived >= periodsExpected;
    }
}
