package uk.consumptioninsights.dataaccess.market;

import java.util.List;

/** What a market refresh did, dataset by dataset; a failed dataset leaves its stored rows as they were. */
public record RefreshReport(List<DatasetOutcome> outcomes) {

    public RefreshReport {
        outcomes = List.copyOf(outcomes);
    }

    public boolean succeeded() {
        return outcomes.stream().noneMatch(DatasetOutcome::failed);
    }

    /** One line per failed dataset, for the status bar. */
    public List<String> problems() {
        return outcomes.stream().filter(DatasetOutcome::failed).map(DatasetOutcome::problem).toList();
    }

    public int daysFetched() {
        return outcomes.stream().mapToInt(DatasetOutcome::daysFetched).sum();
    }
}
