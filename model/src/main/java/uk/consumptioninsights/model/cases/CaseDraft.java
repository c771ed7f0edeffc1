package uk.consumptioninsights.model.cases;

import java.util.Objects;
import java.util.Optional;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * A case about to be raised, as the "Raise a case" form fills it: from an anomaly (its id and meter), a data-quality
 * finding, or empty. Text is trimmed and checked here; the meter is checked against the purpose by
 * {@link #requireRaisableUnder(PurposeRole)}.
 *
 * @param assignee        empty for unassigned
 * @param linkedAnomalyId the anomaly the case was raised from, if any
 */
public record CaseDraft(String title, CaseCategory category, CasePriority priority, Optional<String> assignee,
                        String description, Optional<String> linkedAnomalyId, CaseMeter meter) {

    public CaseDraft {
        title = CaseText.title(title);
        Objects.requireNonNull(category, "A case needs a category.");
        Objects.requireNonNull(priority, "A case needs a priority.");
        assignee = CaseText.assignee(Objects.requireNonNull(assignee, "assignee"));
        description = CaseText.description(description);
        linkedAnomalyId = CaseText.anomalyId(Objects.requireNonNull(linkedAnomalyId, "linkedAnomalyId"));
        Objects.requireNonNull(meter, "meter (CaseMeter.none() for no meter)");
    }

    /** Refuses a meter the purpose may not name: an MPAN outside Settlement, any meter under Research. */
    public void requireRaisableUnder(PurposeRole purpose) {
        CaseMeter.requireRaisableUnder(purpose, meter);
    }
}
