package uk.consumptioninsights.model.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. The allowed moves, and no others:
 * <pre>
 * open          → investigating
 * investigating → escalated, resolved
 * escalated     → resolved
 * resolved      → closed, open (reopen)
 * closed        → open (reopen)
 * </pre>
 * Escalation is optional (most cases are resolved by the analyst investigating them); a case cannot be resolved or
 * closed without having been investigated, and staying in the same status is not a move.
 */
public enum CaseStatus implements CaseCode {
    OPEN("open", "Open"),
    INVESTIGATING("investigating", "Investigating"),
    ESCALATED("escalated", "Escalated"),
    RESOLVED("resolved", "Resolved"),
    CLOSED("closed", "Closed");

    private final String code;
    private final String label;

    CaseStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The statuses a case in this status may move to, for the UI's choices. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(ESCALATED, RESOLVED);
            case ESCALATED -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.of(CLOSED, OPEN);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    public boolean mayMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** The target when the move is allowed; otherwise a {@link StatusTransitionRefused} naming the allowed moves. */
    public CaseStatus moveTo(CaseStatus target) {
        if (!mayMoveTo(target)) {
            throw new StatusTransitionRefused(this, target);
        }
        return target;
    }

    public static CaseStatus fromCode(String code) {
        return CaseCode.of(CaseStatus.class, code, "case status", "statuses");
    }
}
