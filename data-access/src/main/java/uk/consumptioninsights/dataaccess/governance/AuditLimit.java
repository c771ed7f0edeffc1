package uk.consumptioninsights.dataaccess.governance;

/** The audit's row limit is written into the statement text (LIMIT takes no parameter on every engine), so it is checked here. */
final class AuditLimit {

    /** Most audit events a single request returns; the tab shows far fewer. */
    static final int MAX = 10_000;

    private AuditLimit() {
    }

    static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("The audit limit must be between 1 and " + MAX + ", not " + limit);
        }
        return limit;
    }
}
