package uk.consumptioninsights.model.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * A case as stored, read under one purpose (so {@link #meter()} is what that purpose may see).
 *
 * @param raisedUnder the purpose the case was raised under, which decides its meter key
 * @param version     1 when raised, one more per saved change; an update names the version it read
 */
public record CaseReport(CaseId id, String title, CaseCategory category, CasePriority priority,
                         Optional<String> assignee, String description, CaseStatus status,
                         Optional<String> linkedAnomalyId, CaseMeter meter, PurposeRole raisedUnder, long version,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public CaseReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(linkedAnomalyId, "linkedAnomalyId");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(raisedUnder, "raisedUnder");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** A new case, status open, version 1, and its "raised" trail entry. */
    public static CaseRevision raise(CaseId id, CaseDraft draft, PurposeRole purpose, String actor, Instant at) {
        draft.requireRaisableUnder(purpose);
        CaseReport report = new CaseReport(id, draft.title(), draft.category(), draft.priority(), draft.assignee(),
                draft.description(), CaseStatus.OPEN, draft.linkedAnomalyId(), draft.meter(), purpose, 1, at, actor,
                at, actor);
        return new CaseRevision(report, List.of(new CaseActivity(id, 1, at, actor, CaseField.RAISED, Optional.empty(),
                Optional.of(CaseStatus.OPEN.code()))));
    }

    /**
     * This case with {@code changes} applied in order, one version later, with a trail entry per field that changed.
     * A status move the lifecycle does not allow throws {@link StatusTransitionRefused} and nothing is applied.
     */
    public CaseRevision apply(List<CaseChange> changes, String actor, Instant at) {
        CaseReport next = this;
        List<Edit> edits = new ArrayList<>();
        for (CaseChange change : changes) {
            next = next.with(change, edits);
        }
        if (edits.isEmpty()) {
            return new CaseRevision(this, List.of());
        }
        long nextVersion = version + 1;
        CaseReport revised = new CaseReport(id, next.title, next.category, next.priority, next.assignee,
                next.description, next.status, linkedAnomalyId, meter, raisedUnder, nextVersion, createdAt, createdBy,
                at, actor);
        List<CaseActivity> entries = edits.stream().map(e -> new CaseActivity(id, nextVersion, at, actor, e.field,
                e.from, e.to)).toList();
        return new CaseRevision(revised, entries);
    }

    private record Edit(CaseField field, Optional<String> from, Optional<String> to) {
    }

    private CaseReport with(CaseChange change, List<Edit> edits) {
        if (change instanceof CaseChange.MoveTo move) {
            if (move.status() == status) {
                return this;
            }
            CaseStatus target = status.moveTo(move.status());
            edits.add(new Edit(CaseField.STATUS, Optional.of(status.code()), Optional.of(target.code())));
            return copy(title, category, priority, assignee, description, target);
        }
        if (change instanceof CaseChange.Retitle retitle && !retitle.title().equals(title)) {
            edits.add(new Edit(CaseField.TITLE, Optional.of(title), Optional.of(retitle.title())));
            return copy(retitle.title(), category, priority, assignee, description, status);
        }
        if (change instanceof CaseChange.Recategorise c && c.category() != category) {
            edits.add(new Edit(CaseField.CATEGORY, Optional.of(category.code()), Optional.of(c.category().code())));
            return copy(title, c.category(), priority, assignee, description, status);
        }
        if (change instanceof CaseChange.Reprioritise p && p.priority() != priority) {
            edits.add(new Edit(CaseField.PRIORITY, Optional.of(priority.code()), Optional.of(p.priority().code())));
            return copy(title, category, p.priority(), assignee, description, status);
        }
        if (change instanceof CaseChange.Reassign r && !r.assignee().equals(assignee)) {
            edits.add(new Edit(CaseField.ASSIGNEE, assignee, r.assignee()));
            return copy(title, category, priority, r.assignee(), description, status);
        }
        if (change instanceof CaseChange.Redescribe d && !d.description().equals(description)) {
            edits.add(new Edit(CaseField.DESCRIPTION, Optional.of(description), Optional.of(d.description())));
            return copy(title, category, priority, assignee, d.description(), status);
        }
        return this;
    }

    private CaseReport copy(String newTitle, CaseCategory newCategory, CasePriority newPriority,
                            Optional<String> newAssignee, String newDescription, CaseStatus newStatus) {
        return new CaseReport(id, newTitle, newCategory, newPriority, newAssignee, newDescription, newStatus,
                linkedAnomalyId, meter, raisedUnder, version, createdAt, createdBy, updatedAt, updatedBy);
    }
}
