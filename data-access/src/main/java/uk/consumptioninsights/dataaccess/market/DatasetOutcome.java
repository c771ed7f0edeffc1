package uk.consumptioninsights.dataaccess.market;

/**
 * What one refresh did for one dataset.
 *
 * @param daysFetched         settlement days asked for (only days not already complete)
 * @param rowsReceived        rows the API sent for them, after repeats were resolved
 * @param daysStillIncomplete days of the range still missing periods afterwards (today's, typically)
 * @param problem             the one-line message of the failure that stopped this dataset, or null
 */
public record DatasetOutcome(MarketDataset dataset, int daysFetched, long rowsReceived, int daysStillIncomplete,
                             String problem) {

    public boolean failed() {
        return problem != null;
    }
}
