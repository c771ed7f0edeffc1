package uk.consumptioninsights.model.cases;

import java.util.Objects;
import java.util.Optional;

/** One edit an analyst makes to a case. The meter and the linked anomaly are fixed when the case is raised. */
public sealed interface CaseChange permits CaseChange.Retitle, CaseChange.Recategorise, CaseChange.Reprioritise,
        CaseChange.Reassign, CaseChange.Redescribe, CaseChange.MoveTo {

    record Retitle(String title) implements CaseChange {
        public Retitle {
            title = CaseText.title(title);
        }
    }

    record Recategorise(CaseCategory category) implements CaseChange {
        public Recategorise {
            Objects.requireNonNull(category, "category");
        }
    }

    record Reprioritise(CasePriority priority) implements CaseChange {
        public Reprioritise {
            Objects.requireNonNull(priority, "priority");
        }
    }

    /** Empty (or blank) unassigns. */
    record Reassign(Optional<String> assignee) implements CaseChange {
        public Reassign {
            assignee = CaseText.assignee(Objects.requireNonNull(assignee, "assignee"));
        }
    }

    record Redescribe(String description) implements CaseChange {
        public Redescribe {
            description = CaseText.description(description);
        }
    }

    /** A status move; only the moves {@link CaseStatus} allows are accepted when applied. */
    record MoveTo(CaseStatus status) implements CaseChange {
        public MoveTo {
            Objects.requireNonNull(status, "status");
        }
    }
}
