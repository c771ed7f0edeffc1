package uk.consumptioninsights.model.cases;

import java.util.stream.Collectors;

/** A status move {@link CaseStatus} does not allow; the message names the moves that are. */
public final class StatusTransitionRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final CaseStatus from;
    private final CaseStatus to;

    public StatusTransitionRefused(CaseStatus from, CaseStatus to) {
        super("A case that is " + from.label() + " cannot move to " + to.label() + ": from " + from.label()
                + " it can move to " + from.next().stream().map(CaseStatus::label).collect(Collectors.joining(" or "))
                + ".");
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }
}
