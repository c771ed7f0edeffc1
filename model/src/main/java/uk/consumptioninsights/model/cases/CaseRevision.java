package uk.consumptioninsights.model.cases;

import java.util.List;

/**
 * A case after a set of changes, with the trail entries they make. No entries when nothing actually changed (then the
 * case is the one the changes were applied to, version unchanged).
 */
public record CaseRevision(CaseReport revised, List<CaseActivity> entries) {

    public CaseRevision {
        entries = List.copyOf(entries);
    }

    public boolean changedAnything() {
        return !entries.isEmpty();
    }
}
