package uk.consumptioninsights.dataaccess.cases;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.consumptioninsights.model.cases.CaseCategory;
import uk.consumptioninsights.model.cases.CasePriority;
import uk.consumptioninsights.model.cases.CaseStatus;

/**
 * What the case list shows: text searched in titles and descriptions (case-insensitive, as typed: no wildcards), the
 * statuses, categories and priorities to keep (empty keeps all), an assignee, and the page.
 */
public record CaseQuery(String text, Set<CaseStatus> statuses, Set<CaseCategory> categories,
                        Set<CasePriority> priorities, Optional<String> assignee, int offset, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1_000;

    public CaseQuery {
        text = text == null ? "" : text.strip();
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        priorities = priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(priorities));
        assignee = Objects.requireNonNull(assignee, "assignee").map(String::strip).filter(a -> !a.isEmpty());
        if (offset < 0) {
            throw new IllegalArgumentException("A page starts at offset 0 or later, not " + offset + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_LIMIT + " cases, not " + limit + ".");
        }
    }

    /** Every case, first page. */
    public static CaseQuery all() {
        return new CaseQuery("", Set.of(), Set.of(), Set.of(), Optional.empty(), 0, DEFAULT_LIMIT);
    }

    public CaseQuery withText(String newText) {
        return new CaseQuery(newText, statuses, categories, priorities, assignee, 0, limit);
    }

    public CaseQuery withStatuses(Set<CaseStatus> newStatuses) {
        return new CaseQuery(text, newStatuses, categories, priorities, assignee, 0, limit);
    }

    public CaseQuery withCategories(Set<CaseCategory> newCategories) {
        return new CaseQuery(text, statuses, newCategories, priorities, assignee, 0, limit);
    }

    public CaseQuery withPriorities(Set<CasePriority> newPriorities) {
        return new CaseQuery(text, statuses, categories, newPriorities, assignee, 0, limit);
    }

    /** Empty (or blank) for any assignee. */
    public CaseQuery withAssignee(Optional<String> newAssignee) {
        return new CaseQuery(text, statuses, categories, priorities, newAssignee, 0, limit);
    }

    public CaseQuery page(int newOffset, int newLimit) {
        return new CaseQuery(text, statuses, categories, priorities, assignee, newOffset, newLimit);
    }

    public CaseQuery nextPage() {
        return page(offset + limit, limit);
    }
}
